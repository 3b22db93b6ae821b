import type { AppConfig } from '@bluezone/api';
import { getJson, type KeyValueStore, setJson } from '@bluezone/device';

const CACHED = 'app/config';

/** The deployment's configuration (`/app/config.json`); the last copy when offline. */
export async function loadAppConfig(store: KeyValueStore): Promise<AppConfig | null> {
  try {
    const response = await fetch(`${import.meta.env.BASE_URL}config.json`, { cache: 'no-cache' });
    if (response.ok) {
      const config = (await response.json()) as AppConfig;
      await setJson(store, CACHED, config);
      return config;
    }
  } catch {
    // Offline: fall back to the copy kept from the last start.
  }
  return getJson<AppConfig | null>(store, CACHED, null);
}

/** An absolute URL without a trailing slash; relative ones are taken from this page's origin. */
export function absoluteUrl(url: string): string {
  return new URL(url, window.location.origin).href.replace(/\/+$/, '');
}
