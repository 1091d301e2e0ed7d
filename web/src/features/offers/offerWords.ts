/**
 * An offer in words, the same on the catalogue, the co-op page and the
 * manage page: what it gives ("20 % off"), who may use it, its limits and
 * its validity, in the reader's language and the network's currency.
 */
import { useTranslation } from 'react-i18next';
import { useNetwork } from '../../api/session.ts';
import { useFormat } from '../../components/useFormat.ts';
import { useMoney } from '../../components/useMoney.ts';
import type { Offer } from './offers.api.ts';
import { useSectorNames } from '../network/sectors.api.ts';
import { numberFormat } from '../../components/numberFormat.ts';

export function useOfferWords() {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const { data: network } = useNetwork();
  const lang = i18n.language;
  const currency = network?.currency ?? 'EUR';
  const money = useMoney(currency);
  const { name: sectorName } = useSectorNames();
  // Validity dates are calendar days (YYYY-MM-DD), not instants: written as every date of the app is.
  const day = fmt.day;

  const benefit = (o: Offer) => {
    if (o.kind === 'percent') return t('offers.benefit.percent', { percent: fmt.number(o.percent ?? 0) });
    if (o.kind === 'amount') return t('offers.benefit.amount', { amount: money(o.amountCents ?? 0) });
    return t('offers.benefit.freeItem', { item: o.item ?? '', amount: money(o.amountCents ?? 0) });
  };

  const audience = (o: Offer) => {
    const sectors = o.sectors.map(sectorName).join(', ');
    if (o.forWorkers && o.forSupporters) {
      return o.sectors.length > 0 ? t('offers.audience.bothInSectors', { sectors }) : t('offers.audience.both');
    }
    if (o.forWorkers) {
      return o.sectors.length > 0 ? t('offers.audience.workersInSectors', { sectors }) : t('offers.audience.workers');
    }
    return t('offers.audience.supporters');
  };

  /** Every limit the offer has, one sentence each; empty when it has none. */
  const limits = (o: Offer): string[] => {
    const out: string[] = [];
    if (o.limitPeriod && (o.limitCount !== null || o.limitCents !== null)) {
      const period = t(`offers.period.${o.limitPeriod}`);
      if (o.limitCount !== null && o.limitCents !== null) {
        out.push(t('offers.limit.both', { count: o.limitCount, formatted: fmt.number(o.limitCount), amount: money(o.limitCents), period }));
      } else if (o.limitCount !== null) {
        out.push(t('offers.limit.count', { count: o.limitCount, formatted: fmt.number(o.limitCount), period }));
      } else if (o.limitCents !== null) {
        out.push(t('offers.limit.amount', { amount: money(o.limitCents), period }));
      }
    }
    if (o.capCount !== null && o.capCents !== null) {
      out.push(t('offers.cap.both', { count: o.capCount, formatted: fmt.number(o.capCount), amount: money(o.capCents) }));
    } else if (o.capCount !== null) {
      out.push(t('offers.cap.count', { count: o.capCount, formatted: fmt.number(o.capCount) }));
    } else if (o.capCents !== null) {
      out.push(t('offers.cap.amount', { amount: money(o.capCents) }));
    }
    if (o.minSaleCents !== null && o.minSaleCents > 0) out.push(t('offers.minSale', { amount: money(o.minSaleCents) }));
    if (o.kind === 'percent' && o.maxDiscountCents !== null) out.push(t('offers.maxDiscount', { amount: money(o.maxDiscountCents) }));
    // The sentences also read inside others ("… 3 times a week per person"); shown one a line, each starts with a capital.
    return out.map((line) => line.charAt(0).toLocaleUpperCase(lang) + line.slice(1));
  };

  const validity = (o: Offer) => {
    if (o.validFrom && o.validUntil) return t('offers.valid.range', { from: day(o.validFrom), until: day(o.validUntil) });
    if (o.validFrom) return t('offers.valid.from', { from: day(o.validFrom) });
    if (o.validUntil) return t('offers.valid.until', { until: day(o.validUntil) });
    return t('offers.valid.always');
  };

  const distance = (km: number) =>
    t('offers.distance', {
      distance: numberFormat(lang, { maximumFractionDigits: km < 10 ? 1 : 0 }).format(km),
    });

  return { money, day, benefit, audience, limits, validity, distance, currency };
}
