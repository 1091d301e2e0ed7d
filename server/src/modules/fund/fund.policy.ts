/**
 * Who may do what with the fund. The fund's figures are public (anyone may
 * see what the common pot holds); its movements, which name co-ops, are the
 * members' business; posting, reversing and closing the books are the
 * treasurers'.
 */
import {
  type MaybeActor,
  isAdminOf,
  isCoordinator,
  isMemberOrRoleHolder,
  isTreasurer,
} from '../../platform/auth/actor.ts';

export const fundPolicy = {
  readMovements: (actor: MaybeActor) => isMemberOrRoleHolder(actor),
  post: (actor: MaybeActor) => isTreasurer(actor),
  closeBooks: (actor: MaybeActor) => isTreasurer(actor),
  export: (actor: MaybeActor) => isTreasurer(actor) || isCoordinator(actor),
  /** a co-op's admin applies for it */
  apply: (actor: MaybeActor, coopId: string) => isAdminOf(actor, coopId),
  /** every application: those who decide, pay or coordinate (a committee member is checked against the committee) */
  readAllApplications: (actor: MaybeActor, onCommittee: boolean) =>
    onCommittee || isTreasurer(actor) || isCoordinator(actor),
  pay: (actor: MaybeActor) => isTreasurer(actor),
  /** a co-op's yearly accounts: its admin declares them (or a treasurer for it); only a treasurer corrects them */
  declareSurplus: (actor: MaybeActor, coopId: string) => isAdminOf(actor, coopId) || isTreasurer(actor),
  correctSurplus: (actor: MaybeActor) => isTreasurer(actor),
  /** a co-op's declarations: its workers, treasurers and coordinators */
  readSurplus: (actor: MaybeActor, coopId: string) =>
    (!!actor && actor.coopId === coopId) || isAdminOf(actor, coopId) || isTreasurer(actor) || isCoordinator(actor),
  /** freezing, ending a freeze or rescheduling a loan, on a passed proposal */
  changeLoan: (actor: MaybeActor) => isTreasurer(actor),
  /** a loan's monthly revenue, or the month its co-op covers its costs: the co-op's admin, or a treasurer */
  declareForLoan: (actor: MaybeActor, coopId: string) => isAdminOf(actor, coopId) || isTreasurer(actor),
  /** a co-op's account with the fund (every movement naming it): its workers, treasurers and coordinators */
  readCoopAccount: (actor: MaybeActor, coopId: string) =>
    (!!actor && actor.coopId === coopId) || isAdminOf(actor, coopId) || isTreasurer(actor) || isCoordinator(actor),
  /** a sub-fund's budget for a year: treasurers record it (decision 0022); anyone reads it */
  setBudget: (actor: MaybeActor) => isTreasurer(actor),
};

export const fundAbilities = (actor: MaybeActor) => ({
  movements: fundPolicy.readMovements(actor),
  post: fundPolicy.post(actor),
  closeBooks: fundPolicy.closeBooks(actor),
  export: fundPolicy.export(actor),
});
