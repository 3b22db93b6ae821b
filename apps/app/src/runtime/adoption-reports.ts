import { type AppConfig, createAdoptionClient } from '@bluezone/api';
import { getJson, type KeyValueStore, setJson } from '@bluezone/device';
import { browserHttp } from '../platform/browser-ports.js';
import { absoluteUrl } from './app-config.js';
import { readOnboarding } from './prefs.js';

/** This app's version as the adoption counts record it (`major.minor.patch`). */
export const APP_VERSION = '0.1.0';
const INSTALL_SENT = 'app/adoption/install-sent';
const ACTIVE_DAY = 'app/adoption/active-day';

/**
 * The adoption counts (docs/privacy.md), only when the person chose a province in the first run:
 * one install report (with the organisation invite code that brought them, if any), then at most one
 * "still active" signal per UTC day. Nothing in them identifies the person or the phone; a failed
 * report is tried again at the next start. Never throws.
 */
export async function reportAdoption(
  store: KeyValueStore,
  config: AppConfig,
  now = new Date(),
): Promise<void> {
  try {
    const onboarding = await readOnboarding(store);
    if (!onboarding?.province) return;
    const client = createAdoptionClient(browserHttp().request, absoluteUrl(config.keyServerUrl));
    const area = {
      province: onboarding.province,
      ...(onboarding.district ? { district: onboarding.district } : {}),
      platform: 'web' as const,
      appVersion: APP_VERSION,
    };
    if (!(await getJson<boolean>(store, INSTALL_SENT, false))) {
      await client.install({ ...area, ...(onboarding.org ? { organisation: onboarding.org } : {}) });
      await setJson(store, INSTALL_SENT, true);
    }
    const today = now.toISOString().slice(0, 10);
    if ((await getJson<string | null>(store, ACTIVE_DAY, null)) !== today) {
      await client.active(area);
      await setJson(store, ACTIVE_DAY, today);
    }
  } catch {
    // Offline or refused: counted at a later start.
  }
}
