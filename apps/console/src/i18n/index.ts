import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import vi from './vi.json';

export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'bluezone.console.language';

function remembered(): Language {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return stored === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

/** Vietnamese first, English second; the choice is remembered in localStorage. */
export async function initI18n(): Promise<void> {
  const lng = remembered();
  document.documentElement.lang = lng;
  await i18next.use(initReactI18next).init({
    resources: { vi: { translation: vi }, en: { translation: en } },
    lng,
    fallbackLng: 'vi',
    interpolation: { escapeValue: false },
    returnNull: false,
    // Keys hold channel names such as `sms:viettel`: no namespace separator.
    nsSeparator: false,
  });
}

export async function changeLanguage(lng: Language): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // private mode: the choice lasts for this page only
  }
  document.documentElement.lang = lng;
  await i18next.changeLanguage(lng);
}

/** Intl locale of a console language. */
export const localeOf = (lng: string) => (lng === 'en' ? 'en-GB' : 'vi-VN');
