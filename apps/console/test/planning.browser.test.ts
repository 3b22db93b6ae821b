import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openPage, type PageProblem, screenshot, signIn } from './browser.js';
import { type ConsoleServer, startConsoleServer } from './console-server.js';
import { apiSession, seedCsv, seedInstalls } from './seed.js';

// The "Hiệu quả theo tỷ lệ cài đặt / What adoption buys" panel in Debian's chromium: the real server
// computes the curves in its worker thread (a small population, BLUEZONE_PLANNER_PEOPLE), the page
// polls until they are ready and draws them.

const ADMIN = { username: 'admin', password: 'national admin password', role: 'national' } as const;
const THAI_BINH = {
  username: 'thai.binh',
  password: 'thai binh password',
  role: 'province',
  province: 'VN-20',
} as const;

let server: ConsoleServer;
let browser: Browser;

beforeAll(async () => {
  server = await startConsoleServer([ADMIN, THAI_BINH], { BLUEZONE_PLANNER_PEOPLE: '800' });
  browser = await launchChromium();
  const api = await apiSession(server.origin, ADMIN.username, ADMIN.password);
  const areas = (await (await fetch(`${server.origin}/v1/areas`)).json()) as {
    provinces: { iso: string; population: number }[];
  };
  const imported = await api('POST', '/adoption/import', { csv: seedCsv(seedInstalls(areas.provinces)) });
  if (imported.status !== 200) throw new Error(`seed import failed: ${JSON.stringify(imported.json)}`);
  const target = await api('POST', '/campaigns/targets', {
    area: 'VN-20',
    kind: 'absolute',
    baseCount: 1_116_000,
    deadline: '2026-12-20',
    label: '60 % người dùng điện thoại thông minh',
  });
  if (target.status !== 200) throw new Error(`seed target failed: ${JSON.stringify(target.json)}`);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The panel once its curves are drawn (the server may still be computing when the page opens). */
async function readyPanel(page: Page) {
  const panel = page.getByTestId('adoption-buys');
  await panel.waitFor();
  const averted = panel.getByTestId('adoption-buys-averted');
  await averted.waitFor({ timeout: 180_000 });
  await expect.poll(() => averted.getAttribute('data-f1'), { timeout: 30_000 }).toBeTruthy();
  // Two curves drawn as SVG lines (besides the axes and grid lines).
  await expect.poll(() => averted.locator('svg path[stroke-width="2"]').count()).toBeGreaterThanOrEqual(2);
  return { panel, averted, quarantine: panel.getByTestId('adoption-buys-quarantine') };
}

/** The signed-out session check before sign-in is the one error a page may log here. */
const unexpected = (problems: PageProblem[]) =>
  problems.filter((p) => !(/status of 401/.test(p.text) && p.url.endsWith('/console/api/session')));

const points = (data: string | null) => (data ?? '').split(' ').filter(Boolean);

describe('the "What adoption buys" panel in a browser', () => {
  it('draws the national curves for F1 and F1+F2 with the current adoption and the target, in both languages, and moves with the regime', async () => {
    const { context, page, problems } = await openPage(browser, server.origin);
    await signIn(page, ADMIN.username, ADMIN.password);
    await page.getByRole('heading', { name: 'Hiệu quả theo tỷ lệ cài đặt', level: 2 }).waitFor();
    const { panel, averted, quarantine } = await readyPanel(page);

    // Both curves from 0 % (nothing averted) to 100 % adoption, at the computed grid.
    const f1 = points(await averted.getAttribute('data-f1'));
    const f2 = points(await averted.getAttribute('data-f2'));
    expect(f1.map((p) => p.split(':')[0])).toEqual(['0', '10', '20', '40', '60', '80', '100']);
    expect(f1[0]).toBe('0:0.0');
    expect(f2).toHaveLength(7);
    expect(points(await quarantine.getAttribute('data-f2'))).toHaveLength(7);
    // The national adoption now and the 50 million target (≈ 52.0 % of 96.2 million), marked on both charts.
    const marks = points(await averted.getAttribute('data-marks'));
    expect(marks).toHaveLength(2);
    expect(Number(marks[1])).toBeCloseTo((100 * 50_000_000) / 96_208_984, 0);
    expect(await quarantine.getAttribute('data-marks')).toBe(marks.join(' '));
    expect(await averted.locator('svg text').allTextContents()).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Hiện tại \d+,\d\s?%$/),
        expect.stringMatching(/^Mục tiêu 5\d,\d\s?%$/),
      ]),
    );
    const sentence = panel.getByTestId('adoption-buys-sentence');
    expect(await sentence.textContent()).toMatch(
      /^Với tỷ lệ cài đặt \d+,\d\s?%, ứng dụng giúp tránh khoảng -?\d+\s?% số ca nhiễm khi truy vết F1 và -?\d+\s?% khi truy vết cả F2\. Ở mức mục tiêu 5\d,\d\s?%/,
    );
    await screenshot(page, 'adoption-buys');

    // Near the threshold: another computation, another curve.
    await panel.getByText('Dịch gần ngưỡng', { exact: true }).click();
    await expect
      .poll(() => averted.getAttribute('data-f1'), { timeout: 180_000, interval: 500 })
      .not.toBe(f1.join(' '));
    await readyPanel(page);

    await page.getByText('English', { exact: true }).click();
    await page.getByRole('heading', { name: 'What adoption buys', level: 2 }).waitFor();
    await expect
      .poll(() => sentence.textContent())
      .toMatch(
        /^At \d+\.\d% the app averts about -?\d+% of infections tracing F1 only, and -?\d+% tracing F1 and F2\. At the target of 5\d\.\d%/,
      );
    expect(await averted.locator('svg text').allTextContents()).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Now \d+\.\d%$/),
        expect.stringMatching(/^Target 5\d\.\d%$/),
      ]),
    );
    await page.getByText('Tiếng Việt', { exact: true }).click();
    expect(unexpected(problems)).toEqual([]);
    await context.close();
  }, 400_000);

  it("shows a provincial officer their province's curves with its adoption and target, without the regime choice", async () => {
    const { context, page, problems } = await openPage(browser, server.origin);
    await signIn(page, THAI_BINH.username, THAI_BINH.password);
    expect(new URL(page.url()).pathname).toBe('/console/provinces/VN-20');
    const { panel, averted } = await readyPanel(page);
    // Thái Bình: 223,074 installs of 1,860,447 people (12.0 %); the target 1,116,000 users (60.0 %).
    expect(points(await averted.getAttribute('data-marks'))).toEqual(['12.0', '60.0']);
    expect(await panel.getByTestId('adoption-buys-sentence').textContent()).toMatch(
      /^Với tỷ lệ cài đặt 12,0\s?%, .* Ở mức mục tiêu 60,0\s?%/,
    );
    expect(await panel.getByText('Dịch gần ngưỡng').count()).toBe(0);
    expect(unexpected(problems)).toEqual([]);
    await context.close();
  }, 400_000);
});
