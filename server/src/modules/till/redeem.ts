/**
 * Recording one redemption, at the till (online) or from a till's offline
 * queue (sync): ONE transaction that
 *   1. reads the offer, locking its row on PostgreSQL (SQLite's one connection
 *      already runs one transaction at a time), so concurrent tills count the
 *      offer's uses one after the other and never overshoot a limit or cap;
 *   2. looks the idempotency key up: a retry gets the first redemption back;
 *   3. checks the card's record, the offer's rules, the discount, the person's
 *      limit and the offer's monthly cap — refusing at the till, flagging at sync;
 *   4. inserts the redemption.
 * On SQLite, sales arriving together share one commit (db/group-commit.ts),
 * each in its own savepoint.
 * No audit event is written per redemption: the row is itself the record, it
 * is never changed (only an admin's "flag seen" is added to it) and it names
 * the cashier, the card and both times.
 */
import type { CardRefusal, OfferRefusal, Redemption, RedemptionFlag, SyncRejection } from '@coopnet/contract/till';
import { benefits } from '@coopnet/domain';
import type { Executor } from '../../db/database.ts';
import { groupCommit } from '../../db/group-commit.ts';
import type { AppDeps } from '../../deps.ts';
import { newId } from '../../platform/clock.ts';
import { badRequest } from '../../platform/errors.ts';
import { cardForTill } from '../cards/cards.repository.ts';
import { offerRules } from '../offers/offers.presenter.ts';
import { cardFlagAt, cardRefusal, holderOf } from './card-state.ts';
import { localDate, localMonth, periodOf } from './local-calendar.ts';
import type { NetworkSettings } from './network-settings.ts';
import { presentRedemption } from './till.presenter.ts';
import * as repo from './till.repository.ts';

export interface Sale {
  coopId: string;
  offerId: string;
  cardId: string;
  saleCents: number;
  key: string;
  cashierId: string;
}

/** Online: now, refused if a rule is broken. Offline: at the till's time, recorded with a flag if a rule was broken. */
export type When = { offline: false } | { offline: true; redeemedAt: string };

export type Outcome =
  | { status: 'recorded' | 'duplicate' | 'conflict'; redemption: Redemption }
  | { status: 'unknown_offer' }
  | { status: 'card_refused'; reason: CardRefusal }
  | { status: 'offer_refused'; reason: OfferRefusal }
  | { status: 'rejected'; reason: SyncRejection };

/** How far a till's clock may run ahead, and how old an offline sale may be. */
const FUTURE_MS = 5 * 60_000;
const OLDEST_MS = 30 * 86_400_000;

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
  async function replay(ex: Executor, existing: repo.RedemptionRow, sale: Sale): Promise<Outcome> {
    // The key names one sale: the same offer, card and amount. Anything else is a till reusing a key.
    const same = existing.offer_id === sale.offerId && existing.card_id === sale.cardId && existing.sale_cents === sale.saleCents;
    const view = await repo.findView(ex, existing.id);
    return { status: same ? 'duplicate' : 'conflict', redemption: presentRedemption(view!) };
  }

  async function attempt(trx: Executor, sale: Sale, when: When, net: NetworkSettings): Promise<Outcome> {
    const now = new Date();
    const offer = await repo.offerForRedemption(trx, dialect, sale.offerId);
    if (!offer || offer.coop_id !== sale.coopId) return { status: 'unknown_offer' };
    const existing = await repo.findByKey(trx, sale.coopId, sale.key);
    if (existing) return replay(trx, existing, sale);

    const at = when.offline ? new Date(when.redeemedAt) : now;
    if (when.offline && at.getTime() > now.getTime() + FUTURE_MS) return { status: 'rejected', reason: 'redeemed_in_future' };
    if (when.offline && at.getTime() < now.getTime() - OLDEST_MS) return { status: 'rejected', reason: 'too_old' };
    const card = await cardForTill(trx, { id: sale.cardId });
    if (!card) return when.offline ? { status: 'rejected', reason: 'unknown_card' } : { status: 'card_refused', reason: 'unknown_card' };

    const rules = offerRules(offer);
    const atIso = at.toISOString();
    const today = localDate(at, net.timeZone);
    let flag: RedemptionFlag | null = null;
    let discountCents: number;
    if (!when.offline) {
      const refusedCard = cardRefusal(card, atIso);
      if (refusedCard) return { status: 'card_refused', reason: refusedCard };
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
      // The till gave this discount offline; the sale happened. Record it, and say what was wrong with it.
      const used = await repo.usage(trx, usageParams(rules, offer.id, card.person_id, at, net.timeZone, true));
      const status = benefits.statusAt({ status: offer.status, endedAt: offer.ended_at, updatedAt: offer.updated_at }, atIso);
      ({ discountCents, flag } = benefits.judgeOfflineSale({
        rules: { ...rules, status },
        holder: holderOf(card),
        day: today,
        saleCents: sale.saleCents,
        cardFlag: cardFlagAt(card, atIso),
        used,
      }));
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
      recorded_at: now.toISOString(),
      cashier_id: sale.cashierId,
      offline: when.offline ? 1 : 0,
      flag,
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
    try {
      return await inTransaction((trx) => attempt(trx, sale, when, net));
    } catch (err) {
      if (!repo.isKeyClash(err)) throw err;
      const existing = await repo.findByKey(db, sale.coopId, sale.key);
      if (!existing) throw err;
      return replay(db, existing, sale);
    }
  }

  return { record };
}
