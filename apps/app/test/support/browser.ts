import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
const SCREENSHOTS = join(import.meta.dirname, '..', '..', '..', '..', 'docs', 'screenshots');

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    timeout: 120_000, // Playwright's 30 s is too short for a start on a loaded machine
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A 360×740 phone screen, Vietnamese, in Hồ Chí Minh City's time zone. */
export async function phonePage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 1,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
  });
  // Every wait (clicks, waitFor, navigation) is bounded at 2 minutes, not Playwright's 30 s: a loaded
  // machine is slow, not broken (docs/testing.md).
  context.setDefaultTimeout(120_000);
  return context.newPage();
}

/** Saves `docs/screenshots/app-<name>.png` at 360×740. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  // Transitions and animations are finished by Playwright, not waited out.
  await page.screenshot({ path: join(SCREENSHOTS, `app-${name}.png`), animations: 'disabled' });
}

/** What the app keeps in IndexedDB: keys and values of the `kv` store. */
export function storedEntries(page: Page): Promise<[string, unknown][]> {
  // A string, so the test's Node types need no DOM.
  return page.evaluate(`new Promise((resolve, reject) => {
    const open = indexedDB.open('bluezone');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains('kv')) return resolve([]);
      const store = db.transaction('kv').objectStore('kv');
      const keys = store.getAllKeys();
      const values = store.getAll();
      values.onsuccess = () => resolve(keys.result.map((k, i) => [String(k), values.result[i]]));
    };
  })`);
}
