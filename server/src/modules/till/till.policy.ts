/** Who may use a co-op's till and see what it recorded. */
import { type MaybeActor, isAdminOf, isCashierOf } from '../../platform/auth/actor.ts';

export const tillPolicy = {
  /** A cashier of the co-op (or an API token scoped `cashier:<co-op>`); its admins may stand at the till too. */
  useTill: (actor: MaybeActor, coopId: string) => isCashierOf(actor, coopId) || isAdminOf(actor, coopId),
  /** The co-op's redemptions, flagged ones among them: its admins and cashiers. */
  listRedemptions: (actor: MaybeActor, coopId: string) => isAdminOf(actor, coopId) || isCashierOf(actor, coopId),
  /** Marking a flag seen is the admin's call, not the cashier's who made the sale. */
  resolveFlag: (actor: MaybeActor, coopId: string) => isAdminOf(actor, coopId),
  /** Every signed-in member sees what they saved (nothing, if they never used a card). */
  ownSavings: (actor: MaybeActor) => actor !== null,
};
