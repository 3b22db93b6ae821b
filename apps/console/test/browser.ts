// Debian's chromium through playwright-core (docs/testing.md): headless, no downloads, console errors kept.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

export const SCREENSHOTS = join(dirname(fileURLToPath(import.meta.url)), '../../../docs/screenshots');

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
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

/** A page error or a console error, with the URL it came from. */
export interface PageProblem {
  text: string;
  url: string;
}

/** A fresh context (its own cookies and localStorage) at 1280×800, recording console errors. */
export async function openPage(
  browser: Browser,
  origin: string,
  viewport = { width: 1280, height: 800 },
): Promise<{ context: BrowserContext; page: Page; problems: PageProblem[] }> {
  const context = await browser.newContext({ viewport, baseURL: origin, locale: 'vi-VN' });
  // Every wait (clicks, waitFor, navigation) is bounded at 2 minutes, not Playwright's 30 s: a loaded
  // machine is slow, not broken (docs/testing.md).
  context.setDefaultTimeout(120_000);
  const page = await context.newPage();
  const problems: PageProblem[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push({ text: message.text(), url: message.location().url });
  });
  page.on('pageerror', (error) => problems.push({ text: String(error), url: page.url() }));
  return { context, page, problems };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `console-${name}.png`) });
}

/** Signs in through the form, with the keyboard only. */
export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/console/');
  await page.waitForURL(/\/console\/sign-in/);
  await page.getByLabel(/Tên đăng nhập|Username/).focus();
  await page.keyboard.type(username);
  await page.keyboard.press('Tab');
  await page.keyboard.type(password);
  await page.keyboard.press('Enter');
  await page.waitForURL((url) => !url.pathname.includes('sign-in'));
}
