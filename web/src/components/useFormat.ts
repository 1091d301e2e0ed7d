import { dateText, dateTimeText, dayText } from '@coopnet/domain/dates';
import { useTranslation } from 'react-i18next';
import { useNetwork } from '../api/session.ts';
import { numberFormat } from './numberFormat.ts';

/** Dates and numbers in the reader's language and the network's time zone: the same words as printed cards and mails. */
export function useFormat() {
  const { i18n } = useTranslation();
  const { data: network } = useNetwork();
  const lang = i18n.language;
  const timeZone = network?.timeZone;
  return {
    date: (iso: string | null | undefined) => (iso ? dateText(new Date(iso), lang, timeZone) : ''),
    dateTime: (iso: string | null | undefined) => (iso ? dateTimeText(new Date(iso), lang, timeZone) : ''),
    /** a calendar day, YYYY-MM-DD */
    day: (day: string) => dayText(day, lang),
    number: (n: number) => numberFormat(lang).format(n),
  };
}
