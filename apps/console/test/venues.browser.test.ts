import { pdfQrText } from '@bluezone/server';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openPage, screenshot, signIn } from './browser.js';
import { type ConsoleServer, startConsoleServer } from './console-server.js';

// Venues in the built console served by the real server, in Debian's chromium: a provincial officer
// registers a venue, downloads its poster, and the PDF's QR code decodes to the venue's URL.

const OFFICER = {
  username: 'thai.binh.venues',
  password: 'thai binh venues password',
  role: 'province',
  province: 'VN-20',
} as const;

let server: ConsoleServer;
let browser: Browser;

beforeAll(async () => {
  server = await startConsoleServer([OFFICER]);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const labelled = (label: string) => new RegExp(`^${label}( \\*)?$`);

describe('venues in the console', () => {
  it('registers a venue whose poster QR code decodes to the venue URL, A4 and A5', async () => {
    const { context, page, problems } = await openPage(browser, server.origin);
    await signIn(page, OFFICER.username, OFFICER.password);
    await page.getByRole('link', { name: 'Địa điểm' }).click();
    await page.getByRole('heading', { name: 'Địa điểm', level: 1 }).waitFor();
    await page.getByRole('textbox', { name: labelled('Tên địa điểm') }).fill('Chợ Bồ Xuyên');
    await page.getByRole('textbox', { name: labelled('Địa chỉ') }).fill('Phố Lê Lợi, TP Thái Bình');
    await page.getByRole('button', { name: 'Thêm địa điểm' }).click();
    const row = page.getByTestId('venues').locator('tbody tr', { hasText: 'Chợ Bồ Xuyên' });
    await row.waitFor();
    const url = (await row.getByTestId('venue-url').getAttribute('href')) ?? '';
    expect(url).toMatch(/^http:\/\/(127\.0\.0\.1|localhost):\d+\/c\?v=1#[A-Za-z0-9_-]+$/);
    await screenshot(page, 'venues');
    for (const name of ['Áp phích A4', 'Biển để bàn A5']) {
      const href = await row.getByRole('link', { name }).getAttribute('href');
      const pdf = await page.evaluate(async (path) => {
        const answer = await fetch(path ?? '');
        return {
          status: answer.status,
          type: answer.headers.get('content-type'),
          bytes: [...new Uint8Array(await answer.arrayBuffer())],
        };
      }, href);
      expect(pdf).toMatchObject({ status: 200, type: 'application/pdf' });
      expect(await pdfQrText(Uint8Array.from(pdf.bytes))).toBe(url);
    }
    // Only the signed-out session check before signing in may log an error.
    expect(problems.filter((p) => !/\/console\/api\/session$/.test(p.url))).toEqual([]);
    await context.close();
  });
});
