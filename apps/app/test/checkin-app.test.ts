import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeQrCodePayload, eventUrl, TraceLocationType } from '@bluezone/protocol';
import type { Browser, Page } from 'playwright-core';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureAppBuilt } from '../build.mjs';
import { hasChromium, launchChromium, phonePage, screenshot, storedEntries } from './support/browser.js';
import { type DemoServer, eventually, issueCode, startDemoServer } from './support/demo-server.js';

// Venue check-in in three phones (Debian's chromium, 360 px) against `bluezone start`: phone A checks
// in from a photo of the poster's QR code, phone B opens the poster's link, both at overlapping times
// of yesterday; B reports positive with a code and shares its check-in; after the next trace warning
// package A shows the venue warning with the right date, and phone C, there at another time, nothing.
// A simulated day every 120 s: an hour is 5 s, so the certificate (1 h at most) outlives the key upload
// on a loaded machine; the start command's export passes (every 6 simulated hours) come every 30 s.
const DAY_SECONDS = 120;
const DAY_MS = 86_400_000;

describe.skipIf(!hasChromium)('venue check-in in the browser, on npm start', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bz-checkin-test-'));
  let server: DemoServer;
  let browser: Browser;
  const pages: Record<'a' | 'b' | 'c', Page> = {} as never;
  let venueUrl: string;
  /** Yesterday in simulated time (UTC date, YYYY-MM-DD); every stay is set on it between 09:00 and 14:00 in Vietnam. */
  let day: string;
  const venueName = 'Chợ Đồng Xuân — cổng số 2';

  beforeAll(async () => {
    await ensureAppBuilt();
    server = await startDemoServer(join(dir, 'demo'), DAY_SECONDS);
    browser = await launchChromium();
    pages.a = await phonePage(browser);
    pages.b = await phonePage(browser);
    pages.c = await phonePage(browser);
    const payload = encodeQrCodePayload({
      description: venueName,
      address: 'Phố Hàng Chiếu, Hoàn Kiếm, Hà Nội',
      startTimestamp: 0,
      endTimestamp: 0,
      locationType: TraceLocationType.PERMANENT_RETAIL,
      defaultCheckInLengthInMinutes: 60,
      publicKey: new Uint8Array(0),
      cryptographicSeed: new Uint8Array(randomBytes(16)),
    });
    venueUrl = eventUrl(server.base, payload);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  const button = (page: Page, name: string | RegExp) => page.getByRole('button', { name });

  /** The first run, with no area chosen, to the home screen. */
  async function startPhone(page: Page): Promise<void> {
    await page.goto(`${server.base}/app/`);
    await button(page, 'Tiếp tục').click();
    await page.getByRole('checkbox').check();
    await button(page, 'Tiếp tục').click();
    await button(page, 'Bỏ qua').click();
    await button(page, 'Bắt đầu sử dụng').click();
    await page.getByTestId('status').waitFor();
  }

  /** Sets the only check-in's times (Vietnam's time, as the phone shows them). */
  async function editStay(page: Page, from: string, to: string): Promise<void> {
    await page.goto(`${server.base}/app/checkins`);
    await button(page, 'Sửa giờ').click();
    await page.getByTestId('edit-start').fill(`${day}T${from}`);
    await page.getByTestId('edit-end').fill(`${day}T${to}`);
    await button(page, 'Lưu').click();
    await expect
      .poll(() => page.getByTestId('check-in').textContent(), { timeout: 10_000 })
      .toContain(`Vào: ${from}`);
  }

  const checkInsOf = async (page: Page) =>
    (await storedEntries(page)).find(([key]) => key === 'checkins/all')?.[1] as
      | { checkInStart: number; checkInEnd: number; description: string }[]
      | undefined;

  it('checks in from a photo of the QR code, a link, and refuses a foreign code', async () => {
    for (const page of Object.values(pages)) await startPhone(page);
    const clock = (await (await fetch(`${server.base}/demo/air/clock`)).json()) as { nowMs: number };
    day = new Date(clock.nowMs - DAY_MS).toISOString().slice(0, 10);

    // A: the camera's fallback decoder (jsQR) reads a photo of the poster's QR code.
    const { a, b, c } = pages;
    await a.getByRole('link', { name: 'Quét mã QR' }).click();
    const png = await QRCode.toBuffer(venueUrl, { margin: 4, scale: 6 });
    await a
      .locator('input[type=file]')
      .setInputFiles({ name: 'poster.png', mimeType: 'image/png', buffer: png });
    await expect.poll(() => a.getByTestId('venue-name').textContent(), { timeout: 10_000 }).toBe(venueName);
    expect(await a.getByTestId('checkin-length').inputValue()).toBe('60');
    await screenshot(a, 'checkin-confirm');
    await button(a, 'Khai báo vào').click();
    await a.getByTestId('checked-in').waitFor();
    // Checked out automatically after the code's 60 minutes (simulated time runs fast: maybe already).
    const [stay] = (await checkInsOf(a)) ?? [];
    expect((stay?.checkInEnd ?? 0) - (stay?.checkInStart ?? 0)).toBe(3600);
    await screenshot(a, 'checkins');
    await editStay(a, '09:00', '11:00');

    // B: the poster's link, opened (the part after # never leaves the phone).
    await b.goto(`${server.base}/app/c?v=1#${venueUrl.split('#')[1]}`);
    await expect.poll(() => b.getByTestId('venue-name').textContent(), { timeout: 10_000 }).toBe(venueName);
    await button(b, 'Khai báo vào').click();
    await b.getByTestId('checked-in').waitFor();
    await editStay(b, '10:00', '10:30');

    // C: a foreign host, refused with a clear message and nothing stored; then the link, pasted.
    await c.goto(`${server.base}/app/checkin`);
    await c.getByTestId('event-url-input').fill('https://example.com/c?v=1#CAESAA');
    await c.getByRole('button', { name: 'Mở', exact: true }).click();
    await expect
      .poll(() => c.getByTestId('checkin-error').textContent(), { timeout: 10_000 })
      .toBe('Mã QR này không phải của Bluezone hay Corona-Warn-App. Không khai báo.');
    expect(await checkInsOf(c)).toBeUndefined();
    await c.goto(`${server.base}/app/checkin`);
    await c.getByTestId('event-url-input').fill(venueUrl);
    await c.getByRole('button', { name: 'Mở', exact: true }).click();
    await button(c, 'Khai báo vào').click();
    await c.getByTestId('checked-in').waitFor();
    await editStay(c, '13:00', '14:00');
    const [edited] = (await checkInsOf(c)) ?? [];
    expect(edited).toMatchObject({ description: venueName });
    expect(new Date((edited?.checkInStart ?? 0) * 1000).toISOString()).toBe(`${day}T06:00:00.000Z`);
  }, 240_000);

  it('shares the chosen check-in with the positive report', async () => {
    const { b } = pages;
    const clock = (await (await fetch(`${server.base}/demo/air/clock`)).json()) as { nowMs: number };
    const { longCode } = await issueCode(
      server,
      'confirmed',
      new Date(clock.nowMs).toISOString().slice(0, 10),
    );
    await b.goto(`${server.base}/app/report?code=${longCode}`);
    await button(b, 'Tiếp tục').click();
    await b.getByTestId('upload-review').waitFor();
    const consent = b.getByTestId('check-in-share');
    expect(await consent.getByRole('checkbox', { name: venueName }).isChecked()).toBe(true);
    expect(await b.getByTestId('check-in-share-count').textContent()).toBe('Sẽ chia sẻ 1 địa điểm');
    await screenshot(b, 'report-check-ins');
    await button(b, 'Đồng ý chia sẻ').click();
    await b.getByTestId('upload-done').waitFor();
    await expect
      .poll(() => b.getByTestId('check-in-share-outcome').textContent(), { timeout: 20_000 })
      .toBe('Đã chia sẻ 1 địa điểm.');
  }, 120_000);

  it('warns the phone that was there at the same time, with the date, after the next package', async () => {
    const { a } = pages;
    await a.goto(`${server.base}/app/`);
    await eventually('the venue warning', 150_000, async () => {
      await button(a, 'Kiểm tra ngay').click();
      await a.waitForTimeout(1_500);
      return (await a.getByTestId('venue-warning-banner').count()) > 0 ? true : undefined;
    }).catch(async (error: Error) => {
      const stored = (await storedEntries(a)).filter(([k]) => /trace-warnings|checkin/.test(k));
      throw new Error(`${error.message}; the phone stored ${JSON.stringify(stored).slice(0, 1500)}`);
    });
    await screenshot(a, 'home-venue-warning');
    await a.getByTestId('venue-warning-banner').getByRole('link').click();
    expect(await a.getByTestId('venue-warning-date').getAttribute('data-iso')).toBe(day);
    const [y, m, d] = day.split('-');
    expect(await a.getByTestId('venue-warning-date').textContent()).toBe(`${d}/${m}/${y}`);
    expect(await a.getByTestId('venue-warning-venue').textContent()).toBe(venueName);
    expect(await a.getByTestId('venue-warning').textContent()).toContain('trùng khoảng 30 phút');
    await screenshot(a, 'venue-warning');
  }, 180_000);

  it('shows nothing to the phone that was there at another time, after reading the same packages', async () => {
    const { a, c } = pages;
    const processed = async (page: Page) =>
      ((await storedEntries(page)).find(([key]) => key === 'sync/processed/trace-warnings-VN')?.[1] ??
        []) as string[];
    const seenByA = await processed(a);
    expect(seenByA.length).toBeGreaterThan(0);
    await c.goto(`${server.base}/app/`);
    await eventually('C reads the packages A read', 60_000, async () => {
      await button(c, 'Kiểm tra ngay').click();
      await c.waitForTimeout(1_000);
      const seen = new Set(await processed(c));
      return seenByA.every((path) => seen.has(path)) ? true : undefined;
    });
    expect(await c.getByTestId('venue-warning-banner').count()).toBe(0);
    await c.goto(`${server.base}/app/venue-warning`);
    await c.getByTestId('no-venue-warning').waitFor();
  }, 90_000);

  it('shows the door card: synced today, a live clock, no identifier', async () => {
    const { a } = pages;
    await a.goto(`${server.base}/app/`);
    await button(a, 'Kiểm tra ngay').click();
    await a.getByRole('link', { name: 'Trình diện khi vào cơ quan' }).click();
    const card = a.getByTestId('door-card');
    await card.waitFor();
    await expect
      .poll(() => a.getByTestId('door-sync').getAttribute('data-synced-today'), { timeout: 30_000 })
      .toBe('true');
    const first = await a.getByTestId('door-clock').textContent();
    await expect.poll(() => a.getByTestId('door-clock').textContent(), { timeout: 10_000 }).not.toBe(first);
    expect(await card.textContent()).not.toMatch(/\d{6,}/);
    await screenshot(a, 'door-card');
  }, 60_000);
});
