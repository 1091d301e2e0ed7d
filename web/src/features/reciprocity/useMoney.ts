import { useTranslation } from 'react-i18next';
import { formatMoney } from './money.ts';

/** Cents in the accounts' currency and the reader's language; `signed` shows + on a positive net. */
export function useMoney(currency: string) {
  const { i18n } = useTranslation();
  return (cents: number, signed = false) => {
    const text = formatMoney(cents, currency, i18n.language);
    return signed && cents > 0 ? `+${text}` : text;
  };
}
