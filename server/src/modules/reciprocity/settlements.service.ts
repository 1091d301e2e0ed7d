/**
 * The settlement policy and the settling of a closed month.
 *
 * The policy in force is the latest choice, whoever made it: a coordinator's
 * setting (settlement_policy_changes) or a passed 'settlement_policy'
 * proposal (its closing time counts). Under "the fund reimburses givers",
 * settling a month records, for each co-op whose net giving that month is above the
 * threshold, what the solidarity fund owes it: net − threshold. A month is
 * settled once: the settling writes the event `reciprocity.month_settled` in
 * the same transaction as its obligations, so a month in which nobody was
 * above the threshold stays settled too, and a second call only reads.
 *
 * What the fund owes is in its ledger (decision 0019): the settling posts, in
 * the same transaction, a movement of reimbursements to givers — an expense
 * of the community programmes sub-fund, owed to each co-op as a liability
 * (49 co-ops a movement, the most a movement holds). When that sub-fund
 * cannot bear it, the ledger refuses and the month stays unsettled. A
 * treasurer pays an obligation by a movement from the bank to the co-op; an
 * obligation is paid when that movement exists, never by changing a status.
 */
import type { Obligation, SettlementPaymentInput, SettlementPolicyInput, SettlementPolicyView } from '@coopnet/contract/reciprocity';
import { benefits } from '@coopnet/domain';
import type { Executor, Tx } from '../../db/database.ts';
import type { SettlementObligationTable } from '../../db/schema-benefits.ts';
import type { AppDeps } from '../../deps.ts';
import type { MaybeActor } from '../../platform/auth/actor.ts';
import { authorize } from '../../platform/auth/authorize.ts';
import { recordAudit } from '../../platform/audit/audit.repository.ts';
import { newId, nowIso } from '../../platform/clock.ts';
import { badRequest, conflict, notFound } from '../../platform/errors.ts';
import { postIn, todayIn } from '../fund/index.ts';
import { currentSettlementPolicy } from './matters.ts';
import { reciprocityAbilities, reciprocityPolicy } from './reciprocity.policy.ts';
import * as repo from './reciprocity.repository.ts';
import { authorizeRead, matrixOf } from './reciprocity.service.ts';

export type Policy = Omit<SettlementPolicyView, 'abilities'>;

/** The sub-fund that bears the reimbursements to givers, and the expense they are (decision 0019). */
const BEARING_SUB_FUND = 'programmes';
const EXPENSE = 'expenses:reimbursements';
const OWED = 'liabilities:owed-to-coops';
/** a movement holds at most 50 lines: 49 co-ops and the expense */
const PER_MOVEMENT = 49;

const DEFAULT: Policy = { policy: 'none', thresholdCents: null, source: 'default', setAt: null };

/** The later of the coordinators' last setting and the last passed proposal; nothing chosen yet is 'none'. */
async function policyInForce(ex: Executor): Promise<Policy> {
  const [change, chosen] = await Promise.all([repo.latestPolicyChange(ex), currentSettlementPolicy(ex)]);
  const fromProposal: Policy | null = chosen.proposalId
    ? { policy: chosen.policy, thresholdCents: chosen.thresholdCents ?? null, source: 'proposal', setAt: chosen.decidedAt }
    : null;
  const fromCoordinator: Policy | null = change
    ? { policy: change.policy, thresholdCents: change.threshold_cents === null ? null : Number(change.threshold_cents), source: 'coordinator', setAt: change.set_at }
    : null;
  return benefits.laterChoice(fromCoordinator, fromProposal) ?? DEFAULT;
}

const presentObligation = (r: repo.ObligationRow): Obligation => ({
  id: r.id,
  month: r.month,
  coopId: r.coop_id,
  coopName: r.coop_name,
  netGivenCents: Number(r.net_given_cents),
  thresholdCents: Number(r.threshold_cents),
  amountCents: Number(r.amount_cents),
  status: r.paid_movement_id ? 'paid' : 'owed',
  createdAt: r.created_at,
  movementId: r.movement_id,
  paidAt: r.paid_at ?? null,
  paidMovementId: r.paid_movement_id ?? null,
});

export function settlementsService(deps: AppDeps) {
  const { db, dialect, network } = deps;
  async function view(actor: MaybeActor): Promise<SettlementPolicyView> {
    authorizeRead(actor);
    return { ...(await policyInForce(db)), abilities: reciprocityAbilities(actor) };
  }

  async function setPolicy(actor: MaybeActor, input: SettlementPolicyInput): Promise<SettlementPolicyView> {
    authorizeRead(actor);
    authorize(actor, reciprocityPolicy.configure(actor));
    const reimburses = input.policy === 'fund_reimburses_givers';
    if (reimburses && (input.thresholdCents === undefined || input.thresholdCents === null)) {
      throw badRequest('reciprocity.threshold_required', 'Say above which net giving a month the fund reimburses.', { field: 'thresholdCents' });
    }
    const policy = { policy: input.policy, thresholdCents: reimburses ? input.thresholdCents! : null };
    await db.transaction().execute((trx) => setPolicyIn(trx, policy, actor.personId, nowIso()));
    return view(actor);
  }

  async function list(actor: MaybeActor, month?: string) {
    authorizeRead(actor);
    return { items: (await repo.obligations(db, month)).map(presentObligation) };
  }

  /** Settles a closed month; `created` is false when it had been settled before (nothing new is written). */
  async function settle(actor: MaybeActor, month: string): Promise<{ created: boolean; items: Obligation[] }> {
    authorizeRead(actor);
    authorize(actor, reciprocityPolicy.settle(actor));
    if (month >= (await network.month())) throw conflict('reciprocity.month_open', 'Only a month that has ended can be settled.', { month });
    const created = await db.transaction().execute(async (trx) => {
      await repo.lockSettlements(trx, dialect);
      if (await repo.monthSettled(trx, month)) return false;
      await settleMonthIn(trx, deps, month, await policyInForce(trx), actor.personId);
      return true;
    });
    return { created, items: (await repo.obligations(db, month)).map(presentObligation) };
  }

  /**
   * Pays an obligation, all of it, by a movement from the fund's bank to the
   * co-op. `created` is false for a retry with the same Idempotency-Key.
   */
  async function pay(actor: MaybeActor, id: string, input: SettlementPaymentInput, key: string): Promise<{ created: boolean; obligation: Obligation }> {
    authorizeRead(actor);
    authorize(actor, reciprocityPolicy.pay(actor));
    const created = await db.transaction().execute((trx) => payObligationIn(trx, deps, id, input.date, actor.personId, key));
    return { created, obligation: presentObligation((await repo.obligationById(db, id))!) };
  }

  return { view, setPolicy, list, settle, pay };
}

const paymentDraft = (o: repo.ObligationRow, date: string) => ({
  kind: 'settlement' as const,
  date,
  reason: `Reimbursement to ${o.coop_name} for ${o.month} paid`,
  decision: null,
  lines: [
    { account: OWED, subFund: null, coopId: o.coop_id, cents: Number(o.amount_cents) },
    { account: 'assets:bank', subFund: null, coopId: null, cents: -Number(o.amount_cents) },
  ],
});

/** What settling and paying need: the ledger's (the demo replays its history with `asOf`, the day it happened). */
type SettleDeps = Pick<AppDeps, 'dialect' | 'network'> & { asOf?: string };

/**
 * Settles `month` under `policy` inside the caller's transaction, which holds
 * the settlements' lock and has checked the month is not settled yet: the
 * obligations, their movements in the fund's ledger, and the audit events.
 * Returns the obligations' ids.
 */
export async function settleMonthIn(trx: Tx, deps: SettleDeps, month: string, policy: Policy, actorId: string): Promise<string[]> {
  if (policy.policy !== 'fund_reimburses_givers') {
    throw conflict('reciprocity.no_settlement_policy', 'The network has no settlement policy under which the fund reimburses givers.', { policy: policy.policy });
  }
  const threshold = policy.thresholdCents ?? 0;
  const now = nowIso();
  const rows: SettlementObligationTable[] = benefits
    .reimbursements((await matrixOf(trx, deps.network, month)).positions, threshold)
    .map((p) => ({
      id: newId(),
      month,
      coop_id: p.coopId,
      net_given_cents: p.netCents,
      threshold_cents: threshold,
      amount_cents: p.amountCents,
      movement_id: null,
      created_by: actorId,
      created_at: now,
    }));
  await repo.insertObligations(trx, rows);
  await postOwed(trx, deps, month, rows, actorId);
  for (const r of rows) {
    await recordAudit(trx, {
      actorId,
      action: 'settlement_obligation.created',
      subjectType: 'settlement_obligation',
      subjectId: r.id,
      coopId: r.coop_id,
      after: { month, netGivenCents: r.net_given_cents, thresholdCents: threshold, amountCents: r.amount_cents },
    });
  }
  await recordAudit(trx, {
    actorId,
    action: repo.MONTH_SETTLED,
    subjectType: 'reciprocity_month',
    subjectId: month,
    after: { policy, obligations: rows.length, totalCents: rows.reduce((sum, r) => sum + r.amount_cents, 0) },
  });
  return rows.map((r) => r.id);
}

/** Posts what the fund owes for `month`: the expense of the bearing sub-fund against a liability to each co-op. */
async function postOwed(trx: Tx, deps: SettleDeps, month: string, rows: SettlementObligationTable[], actorId: string) {
  const date = await todayIn(trx, deps);
  for (let i = 0; i < rows.length; i += PER_MOVEMENT) {
    const chunk = rows.slice(i, i + PER_MOVEMENT);
    const total = chunk.reduce((sum, r) => sum + r.amount_cents, 0);
    const posted = await postIn(
      trx,
      deps,
      {
        kind: 'settlement',
        date,
        reason: `Reimbursements to givers for ${month}`,
        decision: null,
        lines: [
          { account: EXPENSE, subFund: BEARING_SUB_FUND, coopId: null, cents: total },
          ...chunk.map((r) => ({ account: OWED, subFund: null, coopId: r.coop_id, cents: -r.amount_cents })),
        ],
      },
      { actorId, key: `settlement:${month}:${i / PER_MOVEMENT + 1}` },
    );
    await repo.setObligationMovement(trx, chunk.map((r) => r.id), posted.movementId);
  }
}

/** Pays obligation `id` inside the caller's transaction; false when this very request had paid it already. */
export async function payObligationIn(trx: Tx, deps: SettleDeps, id: string, date: string, actorId: string | null, key: string): Promise<boolean> {
  await repo.lockObligation(trx, deps.dialect, id);
  const o = await repo.obligationById(trx, id);
  if (!o) throw notFound('settlement_obligation');
  if (o.paid_movement_id) {
    if (o.paid_key === key && o.paid_date === date) return false; // a retry: paid by this very request
    throw conflict('reciprocity.already_paid', 'This obligation has been paid already.', { paidMovementId: o.paid_movement_id });
  }
  const posted = await postIn(trx, deps, paymentDraft(o, date), { actorId, key, request: { payObligation: id, date } });
  if (posted.status === 'duplicate') {
    throw conflict('fund.idempotency_conflict', 'This Idempotency-Key was used for another movement.', { movementId: posted.movementId });
  }
  await repo.insertPayment(trx, {
    obligation_id: id,
    movement_id: posted.movementId,
    cents: Number(o.amount_cents),
    date,
    idempotency_key: key,
    paid_by: actorId,
    paid_at: nowIso(),
  });
  return true;
}

/** Records a coordinator's choice of policy, made at `at`, inside the caller's transaction (audited, with what was in force before). */
export async function setPolicyIn(
  trx: Tx,
  policy: SettlementPolicyInput & { thresholdCents: number | null },
  actorId: string,
  at: string,
): Promise<void> {
  const row = { id: newId(), policy: policy.policy, threshold_cents: policy.thresholdCents, set_by: actorId, set_at: at };
  const before = await policyInForce(trx);
  await repo.insertPolicyChange(trx, row);
  await recordAudit(trx, {
    actorId,
    action: 'settlement_policy.set',
    subjectType: 'settlement_policy',
    subjectId: row.id,
    before,
    after: { policy: row.policy, thresholdCents: row.threshold_cents },
  });
}
