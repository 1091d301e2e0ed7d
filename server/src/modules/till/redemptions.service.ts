/**
 * Redemptions: recorded at the till (idempotent by key), synced from a till's
 * offline queue, listed for the co-op, and a flag accepted or rejected by its
 * admin.
 */
import type { RedemptionListQuery, ResolveInput, SyncInput, SyncResult } from '@coopnet/contract/till';
import { benefits } from '@coopnet/domain';
import type { AppDeps } from '../../deps.ts';
import type { MaybeActor } from '../../platform/auth/actor.ts';
import { authorize } from '../../platform/auth/authorize.ts';
import { recordAudit } from '../../platform/audit/audit.repository.ts';
import { nowIso } from '../../platform/clock.ts';
import { notFound } from '../../platform/errors.ts';
import { holdSettlements, settledMonthsFrom } from '../reciprocity/index.ts';
import { type Outcome, type Sale, redemptionRecorder } from './redeem.ts';
import { alreadyDecided, cardRefused, idempotencyConflict, notFlagged, offerRefused } from './till-errors.ts';
import { tillPolicy } from './till.policy.ts';
import { presentRedemption } from './till.presenter.ts';
import * as repo from './till.repository.ts';

function syncItem(key: string, outcome: Outcome): SyncResult['items'][number] {
  switch (outcome.status) {
    case 'recorded':
    case 'duplicate':
      return { key, status: outcome.status, redemption: outcome.redemption, reason: null };
    case 'conflict':
      return { key, status: 'rejected', redemption: outcome.redemption, reason: 'idempotency_conflict' };
    case 'unknown_offer':
      return { key, status: 'rejected', redemption: null, reason: 'unknown_offer' };
    default:
      return { key, status: 'rejected', redemption: null, reason: outcome.reason };
  }
}

export function redemptionsService(deps: AppDeps) {
  const { db, dialect, network } = deps;
  const recorder = redemptionRecorder(deps);
  const windowDays = deps.config.tillOfflineDays ?? benefits.OFFLINE_WINDOW_DAYS.default;

  /** 201 with a new redemption, or 200 with the one this key recorded before. */
  async function record(actor: MaybeActor, coopId: string, key: string, input: Omit<Sale, 'coopId' | 'key' | 'cashierId'>) {
    authorize(actor, tillPolicy.useTill(actor, coopId));
    const outcome = await recorder.record({ ...input, coopId, key, cashierId: actor.personId }, { offline: false }, await network.get());
    switch (outcome.status) {
      case 'recorded':
        return { created: true, redemption: outcome.redemption };
      case 'duplicate':
        return { created: false, redemption: outcome.redemption };
      case 'conflict':
        throw idempotencyConflict(outcome.redemption.id);
      case 'unknown_offer':
        throw notFound('offer');
      case 'card_refused':
        throw cardRefused(outcome);
      case 'offer_refused':
        throw offerRefused(outcome.reason);
      case 'rejected':
        throw new Error(`an online redemption is refused, never rejected (${outcome.reason})`);
    }
  }

  /**
   * An offline batch: each item once by its key, in the order the sales were
   * made (so a limit is broken by the later sale, not the earlier). A broken
   * rule flags the item; only what cannot be recorded at all is rejected.
   */
  async function sync(actor: MaybeActor, coopId: string, input: SyncInput): Promise<SyncResult> {
    authorize(actor, tillPolicy.useTill(actor, coopId));
    const net = await network.get();
    const order = input.items.map((item, i) => ({ item, i, at: Date.parse(item.redeemedAt) })).sort((a, b) => a.at - b.at || a.i - b.i);
    const results: SyncResult['items'] = new Array(input.items.length);
    for (const { item, i } of order) {
      const sale: Sale = { coopId, key: item.key, offerId: item.offerId, card: item.card, saleCents: item.saleCents, cashierId: actor.personId };
      const outcome = await recorder.record(sale, { offline: true, redeemedAt: item.redeemedAt, windowDays }, net);
      results[i] = syncItem(item.key, outcome);
    }
    return { items: results };
  }

  async function list(actor: MaybeActor, coopId: string, q: RedemptionListQuery) {
    authorize(actor, tillPolicy.listRedemptions(actor, coopId));
    const flagged = q.flagged === '1' || q.flagged === 'true';
    const { rows, total } = await repo.listOfCoop(db, coopId, { flagged, limit: q.limit, offset: q.offset });
    return { items: rows.map(presentRedemption), total, limit: q.limit, offset: q.offset };
  }

  /**
   * The admin's decision on a flag, audited: accepted, it counts in the
   * accounts — in its month, or the next open one if its month was settled
   * meanwhile; rejected, it never counts. The same decision again changes
   * nothing; the other one is refused (409).
   */
  async function resolve(actor: MaybeActor, coopId: string, id: string, input: ResolveInput) {
    authorize(actor, tillPolicy.resolveFlag(actor, coopId));
    const decision = input.decision === 'accept' ? 'accepted' : 'rejected';
    return db.transaction().execute(async (trx) => {
      const before = await repo.findView(trx, id);
      if (!before || before.coop_id !== coopId) throw notFound('redemption');
      if (before.flag === null) throw notFlagged();
      if (before.flag_decision === decision) return presentRedemption(before);
      if (before.flag_decision !== null) throw alreadyDecided(before.flag_decision);
      let accountingMonth = before.accounting_month;
      if (decision === 'accepted') {
        await holdSettlements(trx, dialect);
        accountingMonth = benefits.accountingMonth(accountingMonth, await settledMonthsFrom(trx, accountingMonth));
      }
      const at = nowIso();
      // Two admins deciding at once: the first decision stands; the second is answered as above.
      if (!(await repo.markDecided(trx, id, { decision, by: actor.personId, at, accountingMonth }))) {
        const now = (await repo.findView(trx, id))!;
        if (now.flag_decision === decision) return presentRedemption(now);
        throw alreadyDecided(now.flag_decision!);
      }
      await recordAudit(trx, {
        actorId: actor.personId,
        action: decision === 'accepted' ? 'redemption.flag_accepted' : 'redemption.flag_rejected',
        subjectType: 'redemption',
        subjectId: id,
        coopId,
        before: { flag: before.flag, accountingMonth: before.accounting_month },
        after: { flagDecision: decision, accountingMonth, ...(input.note !== undefined && { note: input.note }) },
      });
      return presentRedemption((await repo.findView(trx, id))!);
    });
  }

  return { record, sync, list, resolve };
}
