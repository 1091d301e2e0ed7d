import { centsToDecimal } from '@coopnet/domain/money/decimal';
import { useTranslation } from 'react-i18next';
import { useNetwork } from '../api/session.ts';
import { formatMoney } from './money.ts';

/**
 * Cents in a currency (by default the network's) and the reader's language;
 * `signed` shows + on a positive amount (a net position). With no currency
 * known yet, the plain amount ("45.50").
 */
export function useMoney(currency?: string | null) {
  const { i18n } = useTranslation();
  const { data: network } = useNetwork();
  const code = currency ?? network?.currency;
  return (cents: number, signed = false) => {
    const text = code ? formatMoney(cents, code, i18n.language) : centsToDecimal(cents);
    return signed && cents > 0 ? `+${text}` : text;
  };
}
