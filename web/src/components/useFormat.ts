import { useTranslation } from 'react-i18next';
import { useNetwork } from '../api/session.ts';

/** Dates and numbers in the reader's language and the network's time zone. */
export function useFormat() {
  const { i18n } = useTranslation();
  const { data: network } = useNetwork();
  const lang = i18n.language;
  const timeZone = network?.timeZone;
  const safe = (opts: Intl.DateTimeFormatOptions) => {
    try {
      return new Intl.DateTimeFormat(lang, { ...opts, timeZone });
    } catch {
      return new Intl.DateTimeFormat(lang, opts);
    }
  };
  return {
    date: (iso: string | null | undefined) => (iso ? safe({ dateStyle: 'medium' }).format(new Date(iso)) : ''),
    dateTime: (iso: string | null | undefined) =>
      iso ? safe({ dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)) : '',
    number: (n: number) => new Intl.NumberFormat(lang).format(n),
  };
}
