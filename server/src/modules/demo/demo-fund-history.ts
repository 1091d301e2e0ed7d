/**
 * A year of the demo fund's life, replayed through the fund's and the
 * reciprocity accounts' own steps, each on the day it happened (the
 * ledger's `asOf`): the books hold what the services would have left, with
 * their checks — policy, bands, no one deciding their own, maker and checker,
 * sub-funds never below zero — and the hledger journal of the demo balances
 * to the figures the app shows.
 *
 * The story, month by month before this one (M-n):
 * - Tinta Roja borrowed 2,500.00 (M-11, the committee's three approvals),
 *   repaid three instalments, lost its press in a fire; the assembly forgave
 *   what was left (M-2).
 * - La Rosa dels Vents borrowed 12,000.00 to buy its premises: above the
 *   committee's limit, so the assembly voted (M-9); it has repaid every
 *   instalment since, one of them 25 days late.
 * - Construccions Horta Nord got an emergency grant of 2,400.00 on the fast
 *   track (M-4): two of the committee approved within the day, a treasurer
 *   paid it the next morning.
 * - Dues for the last six months, each co-op paying in the first days of the
 *   month after; Fil i Agulla paid one month five weeks late and still owes
 *   the last two.
 * - During a trial the fund reimbursed co-ops that gave more than 50.00 net
 *   in a month: that month (M-2) was settled on the 3rd of the next and each
 *   giver paid on the 13th. (The council then paused it: demo-governance.ts.)
 */
import { ApplicationInput } from '@coopnet/contract/fund';
import { benefits, fund as rules } from '@coopnet/domain';
import { lastMonths } from '@coopnet/domain/dates';
import type { Tx } from '../../db/database.ts';
import type { AppDeps } from '../../deps.ts';
import { localDate } from '../../platform/network/calendar.ts';
import {
  type LedgerDeps,
  answerIn,
  applyIn,
  approveByVoteIn,
  monthDuesIn,
  payApplicationIn,
  payDuesIn,
  repayIn,
  writeOffIn,
} from '../fund/index.ts';
import { fundCommittee } from '../governance/index.ts';
import { payObligationIn, setPolicyIn, settleMonthIn } from '../reciprocity/index.ts';
import { seedAssemblyVote } from './demo-governance.ts';
import type { DemoPlan } from './demo-plan.ts';

export interface HistorySeed {
  dialect: AppDeps['dialect'];
  network: AppDeps['network'];
  now: string;
  plan: DemoPlan;
  treasurerId: string;
  coordinatorId: string;
}

/** The trial's threshold: the fund reimbursed what a co-op gave above this, net, in a month. */
const TRIAL_THRESHOLD_CENTS = 5_000;
const DUES_MONTHS = 6;
/** The co-ops of the story, by their place among the demo's twelve. */
const ROSA = 2;
const HORTA_NORD = 5;
const TINTA_ROJA = 9;
const FIL_I_AGULLA = 11;

const dayOf = (month: string, day: number) => `${month}-${String(day).padStart(2, '0')}`;
const at = (day: string, hour: number) => `${day}T${String(hour).padStart(2, '0')}:00:00.000Z`;
const laterDay = (day: string, days: number) => new Date(Date.parse(`${day}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export async function seedFundHistory(trx: Tx, seed: HistorySeed): Promise<{ settlements: number; fundApplications: number; dues: number }> {
  const tz = (await seed.network.get(trx)).timeZone;
  const today = localDate(new Date(seed.now), tz);
  const months = lastMonths(benefits.localMonth(new Date(seed.now), tz), 13); // months[12] is this one
  const M = (n: number) => months[12 - n]!;
  const on = (day: string): LedgerDeps => ({ dialect: seed.dialect, network: seed.network, asOf: day });
  const coops = seed.plan.coops;
  const adminOf = (i: number) => seed.plan.roleGrants.find((g) => g.role === 'coop_admin' && g.coop_id === coops[i]!.id)!.person_id;
  const members = new Set(coops.map((c) => c.id));
  const voters = seed.plan.people.filter((p) => p.coop_id && members.has(p.coop_id)).map((p) => ({ id: p.id!, coop_id: p.coop_id! }));

  /** An application by the co-op's admin, answered by the committee members who may (all of them, approving). */
  async function decidedByCommittee(i: number, input: object, appliedAt: string, answeredAt: string[]) {
    const parsed = ApplicationInput.parse({ coopId: coops[i]!.id, ...input });
    const { id } = await applyIn(trx, parsed, adminOf(i), appliedAt);
    const { members: committee } = await fundCommittee(trx, appliedAt);
    const answering = rules.mayAnswer(committee, { coopId: coops[i]!.id, appliedBy: adminOf(i) });
    for (const [n, when] of answeredAt.entries()) {
      const m = answering[n]!;
      await answerIn(trx, seed, id, m, { decision: 'approve' }, when);
    }
    return id;
  }

  // Tinta Roja's loan: three approvals, paid out, three instalments, then forgiven by the assembly.
  const tinta = await decidedByCommittee(
    TINTA_ROJA,
    {
      kind: 'loan',
      amountCents: 250_000,
      purpose: 'Una guillotina de segunda mano para el taller',
      plan: 'Con la guillotina dejamos de encargar fuera el corte de los libros: ahorramos unos 300 € al mes.',
      repayment: 'En doce cuotas mensuales, con lo que ahorramos en cortes.',
      loan: { termMonths: 12, rateBasisPoints: 0, graceMonths: 0, schedule: 'fixed' },
    },
    at(dayOf(M(11), 12), 9),
    [at(dayOf(M(11), 13), 18), at(dayOf(M(11), 14), 10), at(dayOf(M(11), 15), 19)],
  );
  const tintaPaid = await payApplicationIn(trx, on(dayOf(M(11), 16)), tinta, seed.treasurerId, `demo-pay-${tinta}`, at(dayOf(M(11), 16), 11));
  const tintaDues = rules.instalments({ principalCents: 250_000, rateBasisPoints: 0, termMonths: 12, graceMonths: 0, schedule: 'fixed' }, dayOf(M(11), 16));
  for (const [n, due] of tintaDues.slice(0, 3).entries()) {
    const paid = laterDay(due.due, 2);
    await repayIn(trx, on(paid), tintaPaid.loanId!, due.principalCents, paid, seed.treasurerId, `demo-repay-tinta-${n}`, null);
  }
  const forgiveness = await seedAssemblyVote(trx, 11, {
    matter: 'free',
    title: 'Condonar lo que queda del préstamo de Tinta Roja',
    body:
      'El incendio de marzo destruyó la guillotina y parte del taller. Tinta Roja ha devuelto tres cuotas y no puede devolver el resto sin cerrar. ' +
      'Proponemos condonarle lo que queda del préstamo: el fondo existe para esto.',
    subject: {},
    opensAt: Date.parse(at(dayOf(M(2), 6), 8)),
    closesAt: Date.parse(at(dayOf(M(2), 20), 20)),
    pattern: ['yes', 'yes', 'yes', 'abstain', 'yes', 'no', 'yes', null],
    authorId: adminOf(TINTA_ROJA),
    voters,
  });
  await writeOffIn(
    trx,
    on(dayOf(M(2), 22)),
    tintaPaid.loanId!,
    { reason: 'Condonado por la asamblea tras el incendio del taller', decision: { kind: 'proposal', id: forgiveness.id } },
    seed.treasurerId,
    `demo-forgive-${tinta}`,
  );

  // La Rosa dels Vents: above the committee's limit, the assembly's vote; repaid since, one instalment late.
  const rosaInput = ApplicationInput.parse({
    coopId: coops[ROSA]!.id,
    kind: 'loan',
    amountCents: 1_200_000,
    purpose: 'Comprar el local de la librería antes de que lo vendan',
    plan: 'El propietario vende el local. Con la entrada y este préstamo pagamos menos cada mes que el alquiler de ahora.',
    repayment: 'En veinticuatro cuotas mensuales, con lo que dejamos de pagar de alquiler.',
    loan: { termMonths: 24, rateBasisPoints: 0, graceMonths: 1, schedule: 'fixed' },
  });
  const { id: rosa } = await applyIn(trx, rosaInput, adminOf(ROSA), at(dayOf(M(9), 5), 10));
  const vote = await seedAssemblyVote(trx, 12, {
    matter: 'fund_application',
    title: 'Préstamo de 12.000 € a La Rosa dels Vents para comprar su local',
    body: rosaInput.plan,
    subject: { applicationId: rosa },
    opensAt: Date.parse(at(dayOf(M(9), 8), 8)),
    closesAt: Date.parse(at(dayOf(M(9), 22), 20)),
    pattern: ['yes', 'yes', 'no', 'yes', 'yes', 'yes', 'abstain', null],
    authorId: adminOf(ROSA),
    voters,
  });
  await approveByVoteIn(trx, rosa, vote.id, null, at(dayOf(M(9), 22), 20));
  const rosaPaid = await payApplicationIn(trx, on(dayOf(M(9), 25)), rosa, seed.treasurerId, `demo-pay-${rosa}`, at(dayOf(M(9), 25), 11));
  const rosaDues = rules.instalments({ principalCents: 1_200_000, rateBasisPoints: 0, termMonths: 24, graceMonths: 1, schedule: 'fixed' }, dayOf(M(9), 25));
  for (const [n, due] of rosaDues.entries()) {
    const paid = laterDay(due.due, n === 2 ? 25 : 3);
    if (paid > today) break;
    await repayIn(trx, on(paid), rosaPaid.loanId!, due.principalCents, paid, seed.treasurerId, `demo-repay-rosa-${n}`, null);
  }

  // Construccions Horta Nord: an emergency on the fast track.
  const horta = await decidedByCommittee(
    HORTA_NORD,
    {
      kind: 'emergency_grant',
      amountCents: 240_000,
      purpose: 'Reponer las herramientas robadas de la furgoneta',
      plan: 'Sin herramientas no podemos terminar las tres obras en curso ni cobrarlas. Con ellas, seguimos trabajando el lunes.',
    },
    at(dayOf(M(4), 10), 8),
    [at(dayOf(M(4), 10), 13), at(dayOf(M(4), 10), 19)],
  );
  await payApplicationIn(trx, on(dayOf(M(4), 11)), horta, seed.treasurerId, `demo-pay-${horta}`, at(dayOf(M(4), 11), 9));

  // Dues: six months, paid early in the month after; Fil i Agulla once late, and the last two still owed.
  let dues = 0;
  for (let n = DUES_MONTHS; n >= 1; n--) {
    const period = M(n);
    const made = await monthDuesIn(trx, on(dayOf(period, 1)), period, seed.treasurerId);
    dues += made.created;
    for (const [k, o] of made.obligations.entries()) {
      const late = o.coopId === coops[FIL_I_AGULLA]!.id;
      if (late && n <= 2) continue;
      const paid = late && n === 4 ? dayOf(M(n - 2), 10) : dayOf(M(n - 1), 2 + (k % 8));
      if (paid > today) continue;
      await payDuesIn(trx, on(paid), o.id, { cents: o.cents, date: paid }, seed.treasurerId, `demo-dues-${o.id}`);
    }
  }

  // The trial of reimbursements: the coordinators' setting on the first of the month it covered.
  const [settled, settledIn] = [M(2), M(1)];
  await setPolicyIn(trx, { policy: 'fund_reimburses_givers', thresholdCents: TRIAL_THRESHOLD_CENTS }, seed.coordinatorId, at(dayOf(settled, 1), 8));
  const owed = await settleMonthIn(
    trx,
    on(dayOf(settledIn, 3)),
    settled,
    { policy: 'fund_reimburses_givers', thresholdCents: TRIAL_THRESHOLD_CENTS, source: 'coordinator', setAt: null },
    seed.coordinatorId,
  );
  for (const o of owed) {
    await payObligationIn(trx, on(dayOf(settledIn, 13)), o, dayOf(settledIn, 13), seed.treasurerId, `demo-settlement-${o}`);
  }
  return { settlements: owed.length, fundApplications: 3, dues };
}
