import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppConfig } from '@bluezone/api';
import {
  fromBase64,
  parseExportIndex,
  parsePublicKeyPem,
  readExportFile,
  toBase64,
} from '@bluezone/protocol';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureAppBuilt } from '../build.mjs';
import { hasChromium, launchChromium, phonePage, screenshot, storedEntries } from './support/browser.js';
import { type DemoServer, eventually, issueCode, startDemoServer } from './support/demo-server.js';
import { type NodePhone, nodePhone } from './support/node-phone.js';

// The citizen app in Debian's chromium against `bluezone start` (npm start): a simulated day every
// 20 s, so warnings, the key embargo and export passes happen within a minute.
const DAY_SECONDS = 20;
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

describe.skipIf(!hasChromium)('the citizen app in a browser, on npm start', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bz-app-test-'));
  let server: DemoServer;
  let browser: Browser;
  let page: Page;
  let config: AppConfig;
  let other: NodePhone | undefined;

  beforeAll(async () => {
    await ensureAppBuilt();
    server = await startDemoServer(join(dir, 'demo'), DAY_SECONDS);
    config = await eventually('/app/config.json', 120_000, async () => {
      const response = await fetch(`${server.base}/app/config.json`);
      return response.ok ? ((await response.json()) as AppConfig) : undefined;
    });
    browser = await launchChromium();
    page = await phonePage(browser);
  }, 600_000);

  afterAll(async () => {
    await other?.stop();
    await browser?.close();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  }, 600_000);

  const tab = (name: string) => page.getByRole('navigation').getByRole('link', { name }).click();
  const button = (name: string | RegExp) => page.getByRole('button', { name });

  it('goes from the first run to the home screen', async () => {
    await page.goto(`${server.base}/app/?org=HOPTAC-01`);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Chào mừng bạn đến với Bluezone');
    expect(await page.getByText('HOPTAC-01').count()).toBe(1);
    await screenshot(page, 'first-run');
    await button('Tiếp tục').click();
    expect(await button('Tiếp tục').isDisabled()).toBe(true);
    await page.getByRole('checkbox').check();
    await button('Tiếp tục').click();
    // The areas of GET /v1/areas: Thái Bình, then one of its districts.
    await page.getByRole('combobox', { name: 'Tỉnh / thành phố' }).click();
    await page.getByRole('option', { name: 'Thái Bình' }).click();
    await page.getByRole('combobox', { name: 'Quận / huyện' }).click();
    await page.getByRole('option').first().click();
    await screenshot(page, 'first-run-area');
    await button('Tiếp tục').click();
    await screenshot(page, 'first-run-permissions');
    await button('Bắt đầu sử dụng').click();
    await page.getByTestId('status').waitFor();
    expect(await page.getByTestId('status').getAttribute('data-status')).toBe('none');
    expect(await page.getByTestId('bluetooth-state').textContent()).toBe('Bluetooth đang bật');
    await page.getByTestId('demo-phone').waitFor();
    await eventually('a first check', 120_000, async () =>
      (await page.getByTestId('last-check').textContent()) !== 'Chưa kiểm tra' ? true : undefined,
    );
    await screenshot(page, 'home');
    const stored = (await storedEntries(page)).map(([key]) => key);
    expect(stored).toContain('app/onboarding');
    expect(stored.some((key) => key.startsWith('keys/'))).toBe(true);
    // The province was chosen, so the install and today's "still active" were counted (no identifier).
    await eventually('the adoption reports', 120_000, async () => {
      const keys = (await storedEntries(page)).map(([key]) => key);
      return keys.includes('app/adoption/install-sent') && keys.includes('app/adoption/active-day')
        ? true
        : undefined;
    });
  });

  it('explains a wrong code', async () => {
    await tab('Khai báo');
    await page.getByTestId('code-input').fill('0000000000');
    await button('Tiếp tục').click();
    await page.getByText('Mã không đúng. Hãy kiểm tra lại từng chữ số.').waitFor();
    await screenshot(page, 'report-wrong-code');
  });

  it('warns F1 with the right date after a staged meeting with a person who then reports positive', async () => {
    other = await nodePhone(server.base, config);
    await tab('Trang chủ');
    const mine = await page.getByTestId('demo-phone').getAttribute('data-phone-id');
    expect(mine).toBeTruthy();
    // Meet in the middle of a simulated day, so the hour falls on one date.
    const hourOf = (ms: number) => new Date(ms).getUTCHours();
    await eventually('midday in the simulation', 120_000, async () =>
      hourOf(other?.clock.nowMs() ?? 0) >= 2 && hourOf(other?.clock.nowMs() ?? 0) <= 20 ? true : undefined,
    );
    const met = await other.air.encounter({
      phoneId: mine as string,
      otherPhoneId: other.phoneId,
      minutes: 60,
      distanceM: 1,
    });
    expect(met.sightings).toBeGreaterThan(0);
    const exposureDate = isoDate(other.clock.nowMs() - 30 * 60_000);
    // The long code (a link): the short one lives an hour of simulated time, a few seconds here.
    // Issued for Thái Bình (VN-20), the province this phone watches (a code without one reaches VN only).
    const { longCode } = await issueCode(server, 'confirmed', exposureDate, 'VN-20');
    const prepared = await other.device.prepareUpload(longCode);
    const uploaded = await other.device.confirmUpload(prepared);
    expect(uploaded).toMatchObject({ keyCount: prepared.keyCount, insertedExposures: prepared.keyCount });
    // The key of the meeting is published once its day is over, in the next export pass.
    await eventually('the F1 warning', 400_000, async () => {
      await button('Kiểm tra ngay').click();
      // The button reads "Đang kiểm tra…" while the check runs: wait for it to finish, not for a time.
      await button('Kiểm tra ngay').waitFor();
      return (await page.getByTestId('status').getAttribute('data-status')) === 'F1' ? true : undefined;
    }).catch(async (error: Error) => {
      const stored = (await storedEntries(page)).filter(([k]) => /^(exposure|status\/sync|warnings)/.test(k));
      throw new Error(`${error.message}; the phone stored ${JSON.stringify(stored).slice(0, 1500)}`);
    });
    await screenshot(page, 'home-f1');
    await page.getByRole('link', { name: 'Xem cần làm gì' }).click();
    expect(await page.getByTestId('warning-level').textContent()).toBe('F1');
    expect(await page.getByTestId('exposure-date').getAttribute('data-iso')).toBe(exposureDate);
    const [y, m, d] = exposureDate.split('-');
    expect(await page.getByTestId('exposure-date').textContent()).toBe(`${d}/${m}/${y}`);
    expect(await page.getByTestId('guidance').textContent()).toMatch(/^Bạn là F1/);
    // The optional declaration (docs/api.md "Declarations"): sent only on the press of the button.
    await page.getByLabel('Số điện thoại').fill('0912 345 678');
    await page.getByLabel('Họ và tên').fill('Nguyễn Văn An');
    await page.getByLabel('Địa chỉ').fill('Số 1 Lê Lợi, TP Thái Bình');
    await screenshot(page, 'warning');
    await button('Gửi cho cơ quan y tế').click();
    await page.getByTestId('declaration-sent').waitFor();
  }, 600_000);

  it('reports a positive result with a code: shows what is shared, and the keys reach the next export', async () => {
    const today = isoDate(other?.clock.nowMs() ?? Date.now());
    const { longCode: code } = await issueCode(server, 'confirmed', today);
    // The long-code link a case worker sends: it opens the report screen with the code filled in.
    await page.goto(`${server.base}/app/report?code=${code}`);
    expect(await page.getByTestId('code-input').inputValue()).toBe(code);
    await button('Tiếp tục').click();
    await page.getByTestId('upload-review').waitFor();
    const keyCount = Number(await page.getByTestId('upload-key-count').getAttribute('data-count'));
    const ownKeys = (await storedEntries(page))
      .filter(([key]) => key.startsWith('keys/'))
      .map(([, value]) => (value as { keyData: string }).keyData);
    expect(keyCount).toBe(ownKeys.length);
    expect(await page.getByTestId('upload-days').getByRole('listitem').count()).toBe(keyCount);
    await screenshot(page, 'report');
    await button('Đồng ý chia sẻ').click();
    await page.getByTestId('upload-done').waitFor();
    await screenshot(page, 'report-done');
    // The same code again: used.
    await tab('Trang chủ');
    expect(await page.getByTestId('status').getAttribute('data-status')).toBe('reported');
    await tab('Khai báo');
    await page.getByTestId('code-input').fill(code);
    await button('Tiếp tục').click();
    await page.getByText('Mã này đã được dùng. Mỗi mã chỉ dùng được một lần.').waitFor();
    // Every key this phone shared is in a signed export file once its day is over.
    const publicKeys = config.exportPublicKeys.map((k) => ({
      ...k,
      publicKey: parsePublicKeyPem(k.publicKeyPem),
    }));
    await eventually('the keys in the exports', 120_000, async () => {
      const index = await (await fetch(`${server.base}/v1/exports/${config.region}/index.txt`)).text();
      const published = new Set<string>();
      for (const path of parseExportIndex(index)) {
        const zip = new Uint8Array(await (await fetch(`${server.base}/v1/exports/${path}`)).arrayBuffer());
        for (const key of readExportFile(zip, { publicKeys }).keys) published.add(toBase64(key.keyData));
      }
      return ownKeys.every((key) => published.has(toBase64(fromBase64(key)))) ? true : undefined;
    });
  }, 600_000);

  it('shows the radar, the history, notices and invite screens', async () => {
    // The radar: whom the last scan heard in the simulated district (empty now and then).
    await tab('Trang chủ');
    const radar = page.getByTestId('radar-summary');
    await radar.scrollIntoViewIfNeeded();
    await eventually('someone on the radar', 120_000, async () =>
      (await radar.textContent())?.startsWith('Trong 30 giây qua:') ? true : undefined,
    ).catch(() => undefined);
    await screenshot(page, 'radar');
    await tab('Lịch sử');
    // A header row and 14 days.
    await expect.poll(() => page.getByTestId('history-table').getByRole('row').count()).toBe(15);
    await screenshot(page, 'history');
    await tab('Thông báo');
    // The health authority's notice (BLUEZONE_NOTICES of the test server), with the app's own FAQ.
    await page.getByText('Lịch tiêm chủng tuần này').waitFor();
    expect(await page.getByTestId('notice').count()).toBe(1);
    await page.getByRole('button', { name: 'Bluezone có biết tôi là ai không?' }).click();
    await screenshot(page, 'notices');
    await tab('Trang chủ');
    await page.getByRole('link', { name: 'Mời người thân cài Bluezone' }).click();
    await page.getByTestId('invite-qr').waitFor();
    expect(await page.getByTestId('invite-link').textContent()).toBe(`${server.base}/app/?org=HOPTAC-01`);
    await screenshot(page, 'invite');
  });

  it('switches the language to English and remembers it', async () => {
    await tab('Cài đặt');
    await page.getByText('English').click();
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
    await screenshot(page, 'settings');
    await page.reload();
    await page.getByRole('navigation').getByRole('link', { name: 'Home' }).click();
    await page.getByText('Check now').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await screenshot(page, 'home-en');
  });

  it('opens offline from the service worker, and says a check needs the internet', async () => {
    // The service worker took over on an earlier visit (it precaches every built file).
    await expect
      .poll(() =>
        page.evaluate('navigator.serviceWorker.ready.then(() => !!navigator.serviceWorker.controller)'),
      )
      .toBe(true);
    await page.context().setOffline(true);
    try {
      await page.goto(`${server.base}/app/`);
      await page
        .getByTestId('status')
        .waitFor({ timeout: 60_000 })
        .catch(async (error: Error) => {
          throw new Error(`${error.message}\n${await page.locator('body').textContent()}`);
        });
      expect(await page.getByTestId('status').getAttribute('data-status')).toBe('reported');
      await button('Check now').click();
      await page.getByText('Could not check: no internet. The app will try again by itself.').waitFor();
      await screenshot(page, 'offline');
    } finally {
      await page.context().setOffline(false);
    }
    await page.reload();
    await page.getByText('Check now').waitFor();
  }, 600_000);

  it('deletes all my data and starts the first run again', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
    await button('Delete all my data').click();
    await page.getByTestId('confirm-delete').click();
    await page.getByRole('heading', { name: 'Welcome to Bluezone' }).waitFor();
    expect(await storedEntries(page)).toEqual([]);
  });
});
