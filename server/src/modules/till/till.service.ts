/**
 * The till's reads: the co-op's offers (kept by the till to work offline) and
 * a card checked at the counter, with every offer of the co-op and whether the
 * holder may use it now, with what remains of their limits.
 */
import { benefits } from '@coopnet/domain';
import type { AppDeps } from '../../deps.ts';
import type { MaybeActor } from '../../platform/auth/actor.ts';
import { authorize } from '../../platform/auth/authorize.ts';
import { notFound } from '../../platform/errors.ts';
import type { TillCard } from '../cards/index.ts';
import { offerRules, presentOffer } from '../offers/index.ts';
import { cardReader } from './card-check.ts';
import { localDate, localMonth, periodOf } from '../../platform/network/calendar.ts';
import { cardRefused } from './till-errors.ts';
import { tillPolicy } from './till.policy.ts';
import { presentHolder } from './till.presenter.ts';
import * as repo from './till.repository.ts';
import { findCoop } from '../coops/index.ts';
import { holderOf } from './card-state.ts';

export function tillService(deps: AppDeps) {
  const { db, network } = deps;
  const cards = cardReader(db);

  async function offers(actor: MaybeActor, coopId: string) {
    authorize(actor, tillPolicy.useTill(actor, coopId));
    const coop = await findCoop(db, coopId);
    if (!coop) throw notFound('co-op');
    const rows = await repo.tillOffers(db, coopId);
    return { coop: { id: coop.id, name: coop.name }, offers: rows.map(presentOffer), asOf: new Date().toISOString() };
  }

  /** Each offer with the holder's refusal (null: usable now) and what remains; four queries whatever the number of offers. */
  async function usableOffers(card: TillCard, coopId: string, now: Date, timeZone: string) {
    const rows = await repo.tillOffers(db, coopId);
    const offers = rows.map((row) => {
      const rules = offerRules(row);
      const since = benefits.hasPersonLimit(rules) ? periodOf(now, rules.limitPeriod, timeZone).start : null;
      return { row, rules, since, capped: benefits.hasCap(rules) };
    });
    const limited = offers.filter((o) => o.since !== null);
    const earliest = limited.reduce((min, o) => (o.since! < min ? o.since! : min), '9999');
    const [personRows, monthRows] = await Promise.all([
      repo.personRedemptionsSince(db, card.person_id, limited.map((o) => o.row.id), earliest),
      repo.monthUsageOf(db, offers.filter((o) => o.capped).map((o) => o.row.id), localMonth(now, timeZone)),
    ]);
    const month = new Map(monthRows.map((m) => [m.offer_id, m]));
    const holder = holderOf(card);
    const today = localDate(now, timeZone);
    return offers.map(({ row, rules, since }) => {
      const mine = since === null ? [] : personRows.filter((r) => r.offer_id === row.id && r.redeemed_at >= since);
      const m = month.get(row.id);
      const used: benefits.Usage = {
        personCount: mine.length,
        personCents: mine.reduce((sum, r) => sum + r.discount_cents, 0),
        monthCount: Number(m?.n ?? 0),
        monthCents: Number(m?.cents ?? 0),
      };
      // Usable now means some sale still fits: at least a cent off, or the free item's whole value.
      const least = rules.kind === 'free_item' ? (rules.amountCents ?? 0) : 1;
      return {
        offer: presentOffer(row),
        refusal: benefits.ineligibility(rules, holder, today) ?? benefits.limitBreak(rules, used, least),
        remaining: benefits.remaining(rules, used),
      };
    });
  }

  async function verify(actor: MaybeActor, coopId: string, text: string) {
    authorize(actor, tillPolicy.useTill(actor, coopId));
    const net = await network.get();
    const now = new Date();
    const checked = await cards.check(text, net.id, now);
    if (!checked.ok) throw cardRefused(checked);
    return { holder: presentHolder(checked.card), offers: await usableOffers(checked.card, coopId, now, net.timeZone) };
  }

  return { offers, verify };
}
