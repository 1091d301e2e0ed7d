/**
 * Recording one redemption, at the till (online) or from a till's offline
 * queue (sync). First, outside any transaction, the card as presented is
 * read: a signed card's signature is checked (the CPU-bound part), a printed
 * code is kept to be looked up. Then ONE transaction that
 *   1. reads the offer, locking its row on PostgreSQL (SQLite's one connection
 *      already runs one transaction at a time), so concurrent tills count the
 *      offer's uses one after the other and never overshoot a limit or cap;
 *   2. reads the card's record, and looks the idempotency key up: a retry
 *      (same offer, card and sale) gets the first redemption back;
 *   3. checks the card, the offer's rules, the discount, the person's limit and
 *      the offer's monthly cap — refusing at the till, flagging at sync (where
 *      a sale dated before its offer, in the future or more than 30 days ago is
 *      rejected, and one older than the till's offline window is held);
 *   4. finds the month the accounts count it in (the next open one if its own
 *      was settled) and inserts the redemption.
 * On SQLite, sales arriving together share one commit (db/group-commit.ts),
 * each in its own savepoint.
 * No audit event is written per redemption: the row is itself the record, it
 * is never changed (only an admin's decision on a flag is added to it) and it
 * names the cashier, the card and both times.
 */
import type { OfferRefusal, Redemption, RedemptionFlag, SyncRejection } from '@coopnet/contract/till';
import { benefits } from '@coopnet/domain';
import type { Executor } from '../../db/database.ts';
import { groupCommit } from '../../db/group-commit.ts';
import type { AppDeps } from '../../deps.ts';
import { newId } from '../../platform/clock.ts';
import { badRequest } from '../../platform/errors.ts';
import { offerRules } from '../offers/index.ts';
import { holdSettlements, settledMonthsFrom } from '../reciprocity/index.ts';
import { type Presented, cardReader } from './card-check.ts';
import { type CardRefused, cardFlagAt, cardRefusal, holderOf, refusalOf } from './card-state.ts';
import { localDate, localMonth, periodOf } from '../../platform/network/calendar.ts';
import type { NetworkSettings } from '../../platform/network/settings.ts';
import { presentRedemption } from './till.presenter.ts';
import * as repo from './till.repository.ts';

export interface Sale {
  coopId: string;
  offerId: string;
  /** the card as presented: the QR code's text or the printed code */
  card: string;
  saleCents: number;
  key: string;
  cashierId: string;
}

/**
 * Online: now, refused if a rule is broken. Offline: at the till's time,
 * recorded with a flag if a rule was broken; `windowDays`: the till's offline
 * window, past which a sale is held for the co-op's admin.
 */
export type When = { offline: false } | { offline: true; redeemedAt: string; windowDays: number };

export type Outcome =
  | { status: 'recorded' | 'duplicate' | 'conflict'; redemption: Redemption }
  | { status: 'unknown_offer' }
  | ({ status: 'card_refused' } & CardRefused)
  | { status: 'offer_refused'; reason: OfferRefusal }
  | { status: 'rejected'; reason: SyncRejection };

type Rules = ReturnType<typeof offerRules>;

/** What to count: the person's uses in their limit period (if the offer has such a limit) and the month's (if it has a cap). */
function usageParams(rules: Rules, offerId: string, personId: string, at: Date, timeZone: string, wholePeriod: boolean) {
  const p: repo.UsageParams = { offerId };
  if (benefits.hasPersonLimit(rules)) {
    const { start, end } = periodOf(at, rules.limitPeriod, timeZone);
    p.personId = personId;
    p.since = start;
    if (wholePeriod) p.until = end;
    // Summing discounts reads the table; counting alone stays in the index.
    if (rules.limitCents !== null) p.personCents = '1';
  }
  if (benefits.hasCap(rules)) {
    p.month = localMonth(at, timeZone);
    if (rules.capCents !== null) p.monthCents = '1';
  }
  return p;
}

export function redemptionRecorder({ db, dialect }: AppDeps) {
  // Busy tills on SQLite share commits (db/group-commit.ts); each sale is still all-or-nothing.
  const inTransaction = groupCommit(db, dialect);
  const cards = cardReader(db);

  async function replay(ex: Executor, existing: repo.RedemptionRow, sale: Sale, cardId: string | null): Promise<Outcome> {
    // The key names one sale: the same offer, card and amount. Anything else is a till reusing a key.
    const same = existing.offer_id === sale.offerId && existing.card_id === cardId && existing.sale_cents === sale.saleCents;
    const view = await repo.findView(ex, existing.id);
    return { status: same ? 'duplicate' : 'conflict', redemption: presentRedemption(view!) };
  }

  /**
   * The month the accounts count a sale of `month` in. A month that has
   * ended may have been settled, and a settled month is closed: the sale then
   * counts in the next open one. The current month is never settled, so the
   * common sale reads nothing more.
   */
  async function accountingMonthOf(trx: Executor, month: string, now: Date, timeZone: string): Promise<string> {
    if (month >= localMonth(now, timeZone)) return month;
    await holdSettlements(trx, dialect);
    return benefits.accountingMonth(month, await settledMonthsFrom(trx, month));
  }

  async function attempt(trx: Executor, sale: Sale, presented: Presented, at: Date, when: When, net: NetworkSettings): Promise<Outcome> {
    // Online, the sale is made now: one instant for both times.
    const now = when.offline ? new Date() : at;
    const offer = await repo.offerForRedemption(trx, dialect, sale.offerId);
    if (!offer || offer.coop_id !== sale.coopId) return { status: 'unknown_offer' };
    const card = presented.ok ? await cards.recordOf(trx, presented) : undefined;
    const existing = await repo.findByKey(trx, sale.coopId, sale.key);
    if (existing) return replay(trx, existing, sale, card?.id ?? null);

    const rules = offerRules(offer);
    const atIso = at.toISOString();
    const today = localDate(at, net.timeZone);
    let flag: RedemptionFlag | null = null;
    let discountCents: number;
    // A key retired since this server read its keys (another process may have done it) signs nothing any more.
    const keyRetired = presented.ok && (await cards.keyRetired(trx, presented, card));
    if (!when.offline) {
      if (!presented.ok) return { status: 'card_refused', reason: presented.reason };
      if (keyRetired) return { status: 'card_refused', reason: 'unknown_key' };
      if (presented.kind === 'token' && presented.dates) return { status: 'card_refused', reason: presented.dates };
      if (!card) return { status: 'card_refused', reason: 'unknown_card' };
      const refusedCard = cardRefusal(card, atIso);
      if (refusedCard) return { status: 'card_refused', ...refusalOf(refusedCard, card) };
      const ineligible = benefits.ineligibility(rules, holderOf(card), today);
      if (ineligible) return { status: 'offer_refused', reason: ineligible };
      const discount = benefits.discountFor(rules, sale.saleCents);
      if (!discount.ok) {
        // The route's schema bounds the sale as the domain does; this is a guard, not a path.
        if (discount.reason === 'bad_amount') throw badRequest('till.bad_amount', 'The sale must be whole cents from 0 to 1,000,000.00.');
        return { status: 'offer_refused', reason: 'below_min_sale' };
      }
      discountCents = discount.discountCents;
      const used = await repo.usage(trx, usageParams(rules, offer.id, card.person_id, at, net.timeZone, false));
      const broken = benefits.limitBreak(rules, used, discountCents);
      if (broken) return { status: 'offer_refused', reason: broken };
    } else {
      // When: not in the future, not before the offer existed, not older than 30 days; late past the till's window.
      const timing = benefits.offlineSaleTiming({ at: at.getTime(), now: now.getTime(), offerCreatedAt: Date.parse(offer.created_at), windowDays: when.windowDays });
      if (!timing.ok) return { status: 'rejected', reason: timing.reason };
      // Which card: an offline till checked the signed card, and so does the server now. A typed code proves nothing offline.
      if (!presented.ok) return { status: 'rejected', reason: presented.reason };
      if (keyRetired) return { status: 'rejected', reason: 'unknown_key' };
      if (presented.kind === 'short') return { status: 'rejected', reason: 'token_required' };
      if (presented.dates === 'not_yet_valid') return { status: 'rejected', reason: 'not_yet_valid' };
      if (!card) return { status: 'rejected', reason: 'unknown_card' };
      // The till gave this discount offline; the sale happened. Record it, and say what was wrong with it.
      const used = await repo.usage(trx, usageParams(rules, offer.id, card.person_id, at, net.timeZone, true));
      const status = benefits.statusAt({ status: offer.status, endedAt: offer.ended_at, updatedAt: offer.updated_at }, atIso);
      ({ discountCents, flag } = benefits.judgeOfflineSale({
        rules: { ...rules, status },
        holder: holderOf(card),
        day: today,
        saleCents: sale.saleCents,
        cardFlag: cardFlagAt(card, atIso) ?? (presented.dates === 'expired' ? 'card_expired' : null),
        used,
      }));
      // Past the window it is held whatever else it broke: the admin decides whether it counts.
      if (timing.late) flag = 'synced_late';
    }

    const row: repo.RedemptionRow = {
      id: newId(),
      offer_id: offer.id,
      coop_id: sale.coopId,
      card_id: card.id,
      person_id: card.person_id,
      holder_coop_id: card.kind === 'worker' ? card.coop_id : null,
      holder_kind: card.kind,
      sale_cents: sale.saleCents,
      discount_cents: discountCents,
      redeemed_at: atIso,
      month: today.slice(0, 7),
      accounting_month: await accountingMonthOf(trx, today.slice(0, 7), now, net.timeZone),
      recorded_at: now.toISOString(),
      cashier_id: sale.cashierId,
      offline: when.offline ? 1 : 0,
      flag,
      flag_decision: null,
      flag_resolved_at: null,
      flag_resolved_by: null,
      idempotency_key: sale.key,
    };
    await repo.insertRedemption(trx, row);
    return {
      status: 'recorded',
      redemption: presentRedemption({ ...row, offer_title: offer.title, coop_name: offer.coop_name, holder_name: card.display_name }),
    };
  }

  /** Records the sale once: a concurrent request with the same key that commits first is answered as a retry. */
  async function record(sale: Sale, when: When, net: NetworkSettings): Promise<Outcome> {
    const at = when.offline ? new Date(when.redeemedAt) : new Date();
    // The signature is checked before the transaction: it is the costly part, and needs no row.
    const presented = await cards.read(sale.card, net.id, at);
    try {
      return await inTransaction((trx) => attempt(trx, sale, presented, at, when, net));
    } catch (err) {
      if (!repo.isKeyClash(err)) throw err;
      const existing = await repo.findByKey(db, sale.coopId, sale.key);
      if (!existing) throw err;
      const card = presented.ok ? await cards.recordOf(db, presented) : undefined;
      return replay(db, existing, sale, card?.id ?? null);
    }
  }

  return { record };
}
