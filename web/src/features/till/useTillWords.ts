/** The till's figures and refusals in words, in the reader's language and the network's currency. */
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { errorText } from '../../api/errors.ts';
import { useNetwork } from '../../api/session.ts';
import { useMoney } from '../../components/useMoney.ts';
import { useOfferWords } from '../offers/offerWords.ts';
import { useFormat } from '../../components/useFormat.ts';
import { refusalReason, replacedAtOf } from './till-api.ts';
import type { CardCheck, Offer, OfferRefusal, Remaining } from './till-types.ts';

export function useTillWords(cachedCurrency: string | null) {
  const { t } = useTranslation();
  const { data: network } = useNetwork();
  const currency = network?.currency ?? cachedCurrency;
  const money = useMoney(currency);
  const offerWords = useOfferWords();
  const format = useFormat();

  /** What the offer gives, in the catalogue's words, with what bounds one sale. */
  const offerLine = (o: Offer) =>
    [
      offerWords.benefit(o),
      o.kind === 'percent' && o.maxDiscountCents !== null
        ? t('offers.maxDiscount', { amount: money(o.maxDiscountCents) })
        : null,
      o.minSaleCents ? t('offers.minSale', { amount: money(o.minSaleCents) }) : null,
    ]
      .filter(Boolean)
      .join(' · ');

  /** "2 uses left this week", "€10.00 left this month", and the offer's budget; empty when nothing is known. */
  const remainingLines = (o: Offer, r: Remaining): string[] => {
    const period = o.limitPeriod ?? 'month';
    const lines: string[] = [];
    if (r.personCount !== null) lines.push(t(`till.remaining.uses_${period}`, { count: r.personCount }));
    if (r.personCents !== null) lines.push(t(`till.remaining.cents_${period}`, { amount: money(r.personCents) }));
    if (r.capCount !== null) lines.push(t('till.remaining.capCount', { count: r.capCount }));
    if (r.capCents !== null) lines.push(t('till.remaining.capCents', { amount: money(r.capCents) }));
    return lines;
  };

  const cardRefusal = (reason: Extract<CardCheck, { state: 'refused' }>['reason']) =>
    t(`till.refusal.${reason}`, { defaultValue: t('till.refusal.other') });

  /** "Card refused: …"; a card replaced by a newer one says when, and to ask for the new one. */
  const refusedCard = (check: { reason: Extract<CardCheck, { state: 'refused' }>['reason']; replacedAt?: string }) =>
    check.replacedAt
      ? t('till.result.replaced', { date: format.date(check.replacedAt) })
      : t('till.result.refused', { reason: cardRefusal(check.reason) });

  const offerRefusal = (reason: OfferRefusal | string, offer?: Offer) =>
    reason === 'below_min_sale' && offer?.minSaleCents
      ? t('till.sale.belowMin', { amount: money(offer.minSaleCents) })
      : t(`till.offerRefusal.${reason}`, { defaultValue: t('till.offerRefusal.other') });

  /** A server's refusal names its reason; other errors are translated by code. */
  const errorWords = (err: unknown) => {
    const reason = refusalReason(err);
    if (err instanceof ApiError && err.code === 'till.card_refused' && reason)
      return refusedCard({ reason: reason as never, replacedAt: replacedAtOf(err) });
    if (err instanceof ApiError && err.code === 'till.offer_refused' && reason) return offerRefusal(reason);
    return errorText(t, err);
  };

  return { money, currency, offerLine, remainingLines, cardRefusal, refusedCard, offerRefusal, errorWords };
}

export type TillWords = ReturnType<typeof useTillWords>;
