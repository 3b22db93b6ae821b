import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { savedLanguage } from '../runtime/prefs.js';
import checkinEn from './checkin-en.json';
import checkinVi from './checkin-vi.json';
import en from './en.json';
import vi from './vi.json';

export type AppLanguage = 'vi' | 'en';

/** Vietnamese first, English second; the choice is remembered (Settings). */
export async function initI18n(): Promise<void> {
  const lng = savedLanguage();
  await i18next.use(initReactI18next).init({
    resources: {
      vi: { translation: { ...vi, checkin: checkinVi } },
      en: { translation: { ...en, checkin: checkinEn } },
    },
    lng,
    fallbackLng: 'vi',
    interpolation: { escapeValue: false },
  });
  document.documentElement.lang = lng;
  i18next.on('languageChanged', (language) => {
    document.documentElement.lang = language;
  });
}

/** A UTC ISO date (`2026-12-02`) in the reader's language: `02/12/2026` or `2 December 2026`. */
export function formatDate(iso: string, language: string): string {
  const date = new Date(`${iso}T00:00:00Z`);
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'vi-VN', {
    day: language === 'en' ? 'numeric' : '2-digit',
    month: language === 'en' ? 'long' : '2-digit',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}

/** A moment (ms since 1970) as date and time in the reader's language. */
export function formatDateTime(ms: number, language: string): string {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'vi-VN', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Asia/Ho_Chi_Minh',
  }).format(new Date(ms));
}
