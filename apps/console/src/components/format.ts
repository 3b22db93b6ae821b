import { useTranslation } from 'react-i18next';
import { localeOf } from '../i18n/index.js';

/** Numbers, shares and times in the console's language. */
export function useFormat() {
  const { i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  return {
    number: (n: number | null | undefined) =>
      n === null || n === undefined ? '–' : n.toLocaleString(locale),
    percent: (share: number | null | undefined, digits = 2) =>
      share === null || share === undefined
        ? '–'
        : share.toLocaleString(locale, {
            style: 'percent',
            minimumFractionDigits: digits,
            maximumFractionDigits: digits,
          }),
    date: (iso: string | null | undefined) =>
      iso
        ? new Date(iso).toLocaleDateString(locale, { year: 'numeric', month: '2-digit', day: '2-digit' })
        : '–',
    dateTime: (iso: string | null | undefined) =>
      iso ? new Date(iso).toLocaleString(locale, { dateStyle: 'short', timeStyle: 'short' }) : '–',
  };
}

/** Today as YYYY-MM-DD in the browser's time zone. */
export function todayIso(now = new Date()): string {
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 10);
}
