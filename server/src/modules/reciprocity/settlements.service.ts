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
 */
import type { Obligation, SettlementPolicyInput, SettlementPolicyView } from '@coopnet/contract/reciprocity';
import { benefits } from '@coopnet/domain';
import type { Executor } from '../../db/database.ts';
import type { SettlementObligationTable } from '../../db/schema-benefits.ts';
import type { AppDeps } from '../../deps.ts';
import type { MaybeActor } from '../../platform/auth/actor.ts';
import { authorize } from '../../platform/auth/authorize.ts';
import { recordAudit } from '../../platform/audit/audit.repository.ts';
import { newId, nowIso } from '../../platform/clock.ts';
import { badRequest, conflict } from '../../platform/errors.ts';
import { currentSettlementPolicy } from './matters.ts';
import { reciprocityAbilities, reciprocityPolicy } from './reciprocity.policy.ts';
import * as repo from './reciprocity.repository.ts';
import { authorizeRead, matrixOf } from './reciprocity.service.ts';

type Policy = Omit<SettlementPolicyView, 'abilities'>;

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

const presentObligation = (r: Awaited<ReturnType<typeof repo.obligations>>[number]): Obligation => ({
  id: r.id,
  month: r.month,
  coopId: r.coop_id,
  coopName: r.coop_name,
  netGivenCents: Number(r.net_given_cents),
  thresholdCents: Number(r.threshold_cents),
  amountCents: Number(r.amount_cents),
  status: r.status,
  createdAt: r.created_at,
});

export function settlementsService({ db, dialect, network }: AppDeps) {
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
    const row = { id: newId(), policy: input.policy, threshold_cents: reimburses ? input.thresholdCents! : null, set_by: actor.personId, set_at: nowIso() };
    await db.transaction().execute(async (trx) => {
      const before = await policyInForce(trx);
      await repo.insertPolicyChange(trx, row);
      await recordAudit(trx, {
        actorId: actor.personId,
        action: 'settlement_policy.set',
        subjectType: 'settlement_policy',
        subjectId: row.id,
        before,
        after: { policy: row.policy, thresholdCents: row.threshold_cents },
      });
    });
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
      const policy = await policyInForce(trx);
      if (policy.policy !== 'fund_reimburses_givers') {
        throw conflict('reciprocity.no_settlement_policy', 'The network has no settlement policy under which the fund reimburses givers.', { policy: policy.policy });
      }
      const threshold = policy.thresholdCents ?? 0;
      const now = nowIso();
      const rows: SettlementObligationTable[] = benefits
        .reimbursements((await matrixOf(trx, network, month)).positions, threshold)
        .map((p) => ({
          id: newId(),
          month,
          coop_id: p.coopId,
          net_given_cents: p.netCents,
          threshold_cents: threshold,
          amount_cents: p.amountCents,
          status: 'owed',
          created_by: actor.personId,
          created_at: now,
          paid_at: null,
        }));
      await repo.insertObligations(trx, rows);
      for (const r of rows) {
        await recordAudit(trx, {
          actorId: actor.personId,
          action: 'settlement_obligation.created',
          subjectType: 'settlement_obligation',
          subjectId: r.id,
          coopId: r.coop_id,
          after: { month, netGivenCents: r.net_given_cents, thresholdCents: threshold, amountCents: r.amount_cents },
        });
      }
      await recordAudit(trx, {
        actorId: actor.personId,
        action: repo.MONTH_SETTLED,
        subjectType: 'reciprocity_month',
        subjectId: month,
        after: { policy, obligations: rows.length, totalCents: rows.reduce((s, r) => s + r.amount_cents, 0) },
      });
      return true;
    });
    return { created, items: (await repo.obligations(db, month)).map(presentObligation) };
  }

  return { view, setPolicy, list, settle };
}
