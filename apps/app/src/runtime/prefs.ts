import { getJson, type KeyValueStore, setJson } from '@bluezone/device';

/** What the person chose in the first run. Kept on the phone only; the area goes nowhere yet. */
export interface Onboarding {
  readonly atMs: number;
  readonly province?: string | undefined;
  readonly district?: string | undefined;
  /** Organisation invite code from the link that brought the person here (`?org=`). */
  readonly org?: string | undefined;
}

/** The last upload the person made, for the home screen ("you reported a positive result"). */
export interface Reported {
  readonly testType: 'confirmed' | 'recursive';
  readonly days: readonly string[];
  readonly keyCount: number;
  readonly atMs: number;
}

/** The demo-air phone this browser is (kept so a reload stays the same person of the district). */
export interface DemoAirPhone {
  readonly phoneId: string;
  readonly person: number;
  readonly description: string;
  readonly lastHeardMs?: number | undefined;
}

export const ONBOARDING = 'app/onboarding';
export const REPORTED = 'app/reported';
export const DEMO_AIR_PHONE = 'app/demo-air-phone';

export const readOnboarding = (store: KeyValueStore) => getJson<Onboarding | null>(store, ONBOARDING, null);
export const saveOnboarding = (store: KeyValueStore, value: Onboarding) => setJson(store, ONBOARDING, value);
export const readReported = (store: KeyValueStore) => getJson<Reported | null>(store, REPORTED, null);
export const saveReported = (store: KeyValueStore, value: Reported) => setJson(store, REPORTED, value);
export const readDemoAirPhone = (store: KeyValueStore) =>
  getJson<DemoAirPhone | null>(store, DEMO_AIR_PHONE, null);
export const saveDemoAirPhone = (store: KeyValueStore, value: DemoAirPhone) =>
  setJson(store, DEMO_AIR_PHONE, value);

/** Language is remembered outside the store, so "delete all my data" keeps the screen readable. */
const LANGUAGE = 'bluezone.language';
export function savedLanguage(): 'vi' | 'en' {
  return localStorage.getItem(LANGUAGE) === 'en' ? 'en' : 'vi';
}
export function saveLanguage(language: 'vi' | 'en'): void {
  localStorage.setItem(LANGUAGE, language);
}
