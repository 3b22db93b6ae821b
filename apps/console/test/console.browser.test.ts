import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openPage, type PageProblem, screenshot, signIn } from './browser.js';
import { type ConsoleServer, startConsoleServer } from './console-server.js';
import { apiSession, seedCsv, seedInstalls } from './seed.js';
import { totpCode } from './totp.js';

// The built console served by the real server at /console/, in Debian's chromium.

const ADMIN = { username: 'admin', password: 'national admin password', role: 'national' } as const;
const THAI_BINH = {
  username: 'thai.binh',
  password: 'thai binh password',
  role: 'province',
  province: 'VN-20',
} as const;
const LOCKED = {
  username: 'yen.bai',
  password: 'yen bai analyst password',
  role: 'analyst',
  province: 'VN-06',
} as const;
const ANALYST = { username: 'analyst', password: 'analyst password', role: 'analyst' } as const;
const CASE_WORKER = {
  username: 'ca.yen.bai',
  password: 'case worker password',
  role: 'caseworker',
  province: 'VN-06',
} as const;
const YEN_BAI = 'VN-06';

/** The nation's 50 million by the end of the year; Thái Bình's 60 % of (assumed) 1.2 million smartphone users. */
const SEED_TARGETS = [
  {
    area: 'VN',
    kind: 'absolute',
    baseCount: 50_000_000,
    deadline: '2026-12-31',
    label: '50 triệu người dùng',
  },
  {
    area: 'VN-20',
    kind: 'smartphone_share',
    share: 0.6,
    baseCount: 1_200_000,
    deadline: '2026-12-20',
    label: '60 % người dùng điện thoại thông minh',
  },
];

let server: ConsoleServer;
let browser: Browser;

beforeAll(async () => {
  const started = Date.now();
  server = await startConsoleServer([ADMIN, THAI_BINH, LOCKED, ANALYST, CASE_WORKER]);
  browser = await launchChromium();
  const api = await apiSession(server.origin, ADMIN.username, ADMIN.password);
  const areas = (await (await fetch(`${server.origin}/v1/areas`)).json()) as {
    provinces: { iso: string; population: number }[];
  };
  const imported = await api('POST', '/adoption/import', { csv: seedCsv(seedInstalls(areas.provinces)) });
  if (imported.status !== 200) throw new Error(`seed import failed: ${JSON.stringify(imported.json)}`);
  for (const target of SEED_TARGETS) {
    const created = await api('POST', '/campaigns/targets', target);
    if (created.status !== 200) throw new Error(`seed target failed: ${JSON.stringify(created.json)}`);
  }
  process.stderr.write(`console test setup: ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Errors a page may log: the signed-out session check, refusals the test provokes, routes not there yet. */
function unexpected(problems: PageProblem[]): PageProblem[] {
  return problems.filter(
    (p) =>
      !(
        /status of 4(00|01|03|04|23)/.test(p.text) &&
        /\/console\/api\/(session|codes|adoption|campaigns|statistics)/.test(p.url)
      ),
  );
}

describe('the console in a browser', () => {
  it('signs in (a wrong password is refused with a message), shows the national dashboard and the map of 63 provinces', async () => {
    const { context, page, problems } = await openPage(browser, server.origin);
    await page.goto('/console/');
    await page.waitForURL(/\/console\/sign-in/);
    await screenshot(page, 'sign-in');
    await page.getByLabel('Tên đăng nhập').fill(ADMIN.username);
    await page.getByLabel('Mật khẩu').fill('not the password');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain('Tên đăng nhập hoặc mật khẩu không đúng');
    // Five failures lock an account, and the answer says until when.
    for (let attempt = 1; attempt <= 5; attempt++) {
      await page.getByLabel('Mật khẩu').fill(`wrong password ${attempt}`);
      await page.getByLabel('Tên đăng nhập').fill(LOCKED.username);
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await expect
        .poll(() => page.getByRole('alert').textContent())
        .toMatch(attempt < 5 ? /không đúng/ : /bị khóa.*đến \d{2}:\d{2}/);
    }
    await signIn(page, ADMIN.username, ADMIN.password);
    expect(new URL(page.url()).pathname).toMatch(/^\/console\/?$/);
    await page.getByRole('heading', { name: 'Toàn quốc', level: 1 }).waitFor();
    const map = page.getByTestId('province-map');
    await map.locator('svg').waitFor();
    await expect.poll(() => map.getAttribute('data-provinces')).toBe('63');
    expect(await map.getAttribute('data-archipelagos')).toBe('2');
    const labels = await map.locator('svg text').allTextContents();
    expect(labels).toEqual(expect.arrayContaining(['Quần đảo Hoàng Sa', 'Quần đảo Trường Sa']));
    expect(await page.getByTestId('ranking-top').locator('tbody tr').count()).toBe(5);
    expect(await page.getByTestId('ranking-top').locator('tbody tr').first().textContent()).toMatch(/^1\/63/);
    await page.getByRole('tab', { name: '5 tỉnh thấp nhất' }).click();
    expect(await page.getByTestId('ranking-bottom').locator('tbody tr').last().textContent()).toMatch(
      /^63\/63/,
    );
    await page.getByRole('tab', { name: '5 tỉnh cao nhất' }).click();
    expect(await page.getByTestId('stat-installs').textContent()).toMatch(/\d{1,3}(\.\d{3}){2,}/);
    await screenshot(page, 'dashboard');
    expect(unexpected(problems)).toEqual([]);
    await context.close();
  });

  it('issues an F0 code, shows it with its link and QR code, lists it by status and expires it', async () => {
    const { context, page, problems } = await openPage(browser, server.origin);
    await signIn(page, ADMIN.username, ADMIN.password);
    await page.getByRole('link', { name: 'Mã tải lên' }).click();
    await page.getByRole('heading', { name: 'Cấp mã mới' }).waitFor();
    await page.getByLabel('F0 – ca xác nhận (confirmed)').check();
    await page.getByLabel('Ngày xét nghiệm').check();
    await page.getByRole('button', { name: 'Cấp mã' }).click();
    const issued = page.getByTestId('issued-code');
    await issued.waitFor();
    const code = await page.getByTestId('short-code').getAttribute('data-code');
    expect(code).toMatch(/^\d{8}$/);
    expect(await page.getByTestId('long-link').textContent()).toMatch(
      /^https:\/\/bluezone\.example\/v\?c=[a-z0-9]{16}$/,
    );
    await page.getByTestId('code-qr').waitFor();
    expect(await page.getByTestId('code-qr').getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    const uuid = (await issued.locator('code').last().textContent()) ?? '';
    const row = page.locator(`tr[data-uuid="${uuid}"]`);
    await expect.poll(() => row.getAttribute('data-status')).toBe('unclaimed');
    // Read back through the API the page uses: status only, never the code.
    const listed = await page.evaluate(
      async () => (await (await fetch('/console/api/codes')).json()) as { codes: Record<string, unknown>[] },
    );
    expect(listed.codes[0]).toMatchObject({
      uuid,
      testType: 'confirmed',
      status: 'unclaimed',
      issuedBy: 'admin',
    });
    expect(JSON.stringify(listed)).not.toContain(code);
    await screenshot(page, 'codes');
    await row.getByRole('button', { name: 'Hủy mã' }).click();
    await expect.poll(() => row.getAttribute('data-status')).toBe('expired');
    expect(unexpected(problems)).toEqual([]);
    await context.close();
  });

  it('turns on TOTP, and then asks for the code at sign-in', async () => {
    const { context, page, problems } = await openPage(browser, server.origin);
    await signIn(page, ANALYST.username, ANALYST.password);
    await page.getByRole('link', { name: 'Tài khoản' }).click();
    await page.getByRole('button', { name: 'Bật xác thực hai lớp' }).click();
    const secret = (await page.getByTestId('totp-secret').textContent()) ?? '';
    await page.getByLabel(labelled('Mã xác thực (6 chữ số)')).fill(totpCode(secret));
    await page.getByRole('button', { name: 'Xác nhận' }).click();
    await page.getByTestId('totp-on').waitFor();
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.waitForURL(/\/console\/sign-in/);
    await page.getByLabel('Tên đăng nhập').fill(ANALYST.username);
    await page.getByLabel('Mật khẩu').fill(ANALYST.password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    const totp = page.getByLabel(labelled('Mã xác thực (6 chữ số)'));
    await totp.fill('000000');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Mã xác thực không đúng');
    // The code of the next step (the current one was used to confirm).
    await totp.fill(totpCode(secret, 1));
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL((url) => !url.pathname.includes('sign-in'));
    await page.getByRole('heading', { name: 'Toàn quốc', level: 1 }).waitFor();
    expect(unexpected(problems)).toEqual([]);
    await context.close();
  });

  it('switches to English and remembers it', async () => {
    const { context, page, problems } = await openPage(browser, server.origin);
    await signIn(page, ADMIN.username, ADMIN.password);
    await page.getByRole('link', { name: 'Mã tải lên' }).waitFor();
    await page.getByText('English', { exact: true }).click();
    await page.getByRole('link', { name: 'Upload codes' }).waitFor();
    await page.getByRole('heading', { name: 'National', level: 1 }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.reload();
    await page.getByRole('link', { name: 'Upload codes' }).waitFor();
    expect(await page.getByRole('link', { name: 'Mã tải lên' }).count()).toBe(0);
    await page.getByText('Tiếng Việt', { exact: true }).click();
    await page.getByRole('link', { name: 'Mã tải lên' }).waitFor();
    expect(unexpected(problems)).toEqual([]);
    await context.close();
  });

  it("shows a provincial officer only their province, and the API refuses another province's data", async () => {
    const { context, page, problems } = await openPage(browser, server.origin);
    await signIn(page, THAI_BINH.username, THAI_BINH.password);
    expect(new URL(page.url()).pathname).toBe('/console/provinces/VN-20');
    await expect.poll(() => page.getByTestId('province-title').textContent()).toBe('Thái Bình');
    const nav = await page.getByRole('navigation').first().textContent();
    expect(nav).toContain('Tỉnh của tôi');
    expect(nav).not.toContain('Toàn quốc');
    expect(await page.getByLabel('Chọn tỉnh').count()).toBe(0);
    await page.getByTestId('districts').locator('tr[data-district]').first().waitFor();
    expect(await page.getByTestId('districts').locator('tr[data-district]').count()).toBe(8);
    await expect.poll(() => page.getByTestId('province-rank').textContent()).toContain('17/63');
    await screenshot(page, 'province');
    // The national ranking and other provinces' details are not offered; the API refuses Yên Bái's.
    const yenBai = await page.evaluate(
      async (iso) => (await fetch(`/console/api/adoption/provinces/${iso}`)).status,
      YEN_BAI,
    );
    expect(yenBai).toBe(403);
    // Another province's page in the address bar leads back to their own.
    await page.goto(`/console/provinces/${YEN_BAI}`);
    await page.waitForURL(/\/console\/provinces\/VN-20$/);
    await page.goto('/console/');
    await page.waitForURL(/\/console\/provinces\/VN-20$/);
    // The API: a code for Yên Bái is refused (403 forbidden_area).
    const refused = await page.evaluate(async (province) => {
      const session = (await (await fetch('/console/api/session')).json()) as { csrfToken: string };
      const answer = await fetch('/console/api/codes', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        body: JSON.stringify({
          testType: 'confirmed',
          testDate: new Date().toISOString().slice(0, 10),
          province,
        }),
      });
      return { status: answer.status, body: await answer.json() };
    }, YEN_BAI);
    expect(refused).toMatchObject({ status: 403, body: { errorCode: 'forbidden_area' } });
    expect(unexpected(problems)).toEqual([]);
    await context.close();
  });

  it('offers a case worker the codes, declarations and venues only, for their province', async () => {
    const { context, page, problems } = await openPage(browser, server.origin);
    await signIn(page, CASE_WORKER.username, CASE_WORKER.password);
    expect(new URL(page.url()).pathname).toBe('/console/codes');
    const nav = page.getByRole('navigation').first();
    await expect
      .poll(() => nav.getByRole('link').allTextContents())
      .toEqual(['Mã tải lên', 'Khai báo', 'Địa điểm', 'Tài khoản']);
    expect(await page.getByLabel(labelled('Tỉnh')).count()).toBe(0);
    await page.getByLabel('F1 – tiếp xúc gần (recursive)').check();
    await page.getByRole('button', { name: 'Cấp mã' }).click();
    await page.getByTestId('short-code').waitFor();
    const row = page.getByTestId('recent-codes').locator('tbody tr').first();
    await expect.poll(() => row.textContent()).toContain('Yên Bái');
    expect(await row.textContent()).toContain('F1');
    expect(unexpected(problems)).toEqual([]);
    await context.close();
  });

  it('runs a campaign: an organisation with its invite code, a tracked SMS link with its text, the poster PDF', async () => {
    const { context, page, problems } = await openPage(browser, server.origin);
    await signIn(page, ADMIN.username, ADMIN.password);
    await page.getByRole('link', { name: 'Chiến dịch' }).click();
    await page.getByTestId('targets').getByText('50 triệu người dùng').waitFor();
    await page.getByRole('tab', { name: 'Tổ chức và mã mời' }).click();
    await page.getByRole('textbox', { name: labelled('Tên') }).fill('Liên đoàn Lao động tỉnh Thái Bình');
    await pick(page, 'Loại', 'Công đoàn');
    await pick(page, 'Tỉnh, thành phố', 'Thái Bình');
    await page.getByRole('button', { name: 'Thêm tổ chức' }).click();
    const org = page.getByTestId('organisations').locator('tbody tr').first();
    await org.getByText('Liên đoàn Lao động tỉnh Thái Bình').waitFor();
    const invite = (await org.locator('code').first().textContent()) ?? '';
    expect(invite).toMatch(/^[A-Z0-9]{4,12}$/);
    await page.getByRole('tab', { name: 'Liên kết theo dõi' }).click();
    await pick(page, 'Tỉnh, thành phố', 'Thái Bình');
    await pick(page, 'Tổ chức', `Liên đoàn Lao động tỉnh Thái Bình (${invite})`);
    await page.getByLabel('Ghi chú (không bắt buộc)').fill('Tin nhắn Viettel tháng 12');
    await page.getByRole('button', { name: 'Tạo liên kết' }).click();
    const sms = page.getByTestId('links').getByTestId('sms-text').first();
    await sms.waitFor();
    expect(await sms.textContent()).toMatch(/Bluezone/);
    await screenshot(page, 'campaigns');
    const poster = await page
      .getByTestId('links')
      .getByRole('link', { name: 'Áp phích (PDF)' })
      .first()
      .getAttribute('href');
    const pdf = await page.evaluate(async (url) => {
      const answer = await fetch(url ?? '');
      return {
        status: answer.status,
        type: answer.headers.get('content-type'),
        head: (await answer.text()).slice(0, 5),
      };
    }, poster);
    expect(pdf).toMatchObject({ status: 200, type: 'application/pdf', head: '%PDF-' });
    expect(unexpected(problems)).toEqual([]);
    await context.close();
  });

  it('shows users, the audit log, campaigns and statistics, and fits a tablet', async () => {
    const { context, page, problems } = await openPage(browser, server.origin);
    await signIn(page, ADMIN.username, ADMIN.password);
    await page.getByRole('link', { name: 'Người dùng' }).click();
    await page.getByTestId('users').getByText('thai.binh').waitFor();
    await page.getByRole('textbox', { name: labelled('Tên đăng nhập') }).fill('ca.thai.binh');
    await page.getByLabel(labelled('Mật khẩu')).first().fill('case worker password');
    await pick(page, 'Vai trò', 'Cán bộ dịch tễ');
    await pick(page, 'Tỉnh', 'Thái Bình');
    await page.getByRole('button', { name: 'Tạo người dùng' }).click();
    const created = page.getByTestId('users').locator('tr', { hasText: 'ca.thai.binh' });
    await created.waitFor();
    expect(await created.textContent()).toContain('Thái Bình');
    await screenshot(page, 'users');
    await page.getByRole('link', { name: 'Nhật ký' }).click();
    await page.getByTestId('audit').getByText('Cấp mã').first().waitFor();
    await screenshot(page, 'audit');
    await page.getByRole('link', { name: 'Chiến dịch' }).click();
    await page.getByRole('heading', { name: 'Chiến dịch cài đặt' }).waitFor();
    // Counts from others as CSV: every wrong line is reported with its line number.
    await page.getByRole('tab', { name: 'Nhập số liệu (CSV)' }).click();
    await page
      .getByLabel('Nội dung CSV')
      .fill(
        'date,province,district,source,installs\n2020-08-10,VN-20,,store:x,5\n2020-08-10,VN-99,,store:x,5\n2020-08-11,VN-20,,store:x,many',
      );
    await page.getByRole('button', { name: 'Nhập', exact: true }).click();
    const wrongLines = page.getByTestId('import-problems').locator('tbody tr');
    await wrongLines.first().waitFor();
    expect(await wrongLines.evaluateAll((rows) => rows.map((r) => r.firstElementChild?.textContent))).toEqual(
      ['3', '4'],
    );
    await page.getByRole('link', { name: 'Thống kê' }).click();
    await page.getByRole('heading', { name: 'Thống kê', level: 1 }).waitFor();
    await page.getByTestId('funnel-chart').locator('svg').waitFor();
    // The F0 code issued above is in the funnel.
    await expect
      .poll(() => page.getByTestId('funnel').locator('> *').first().textContent())
      .toBe('Mã F0 đã cấp1');
    // Per province: every province of the area set, with what a phone there downloads a day.
    await page.getByTestId('province-costs').locator('tbody tr').first().waitFor();
    expect(await page.getByTestId('province-costs').locator('tbody tr').count()).toBe(63);
    await screenshot(page, 'statistics');
    for (const viewport of [
      { width: 1024, height: 768 },
      { width: 768, height: 1024 },
    ]) {
      await page.setViewportSize(viewport);
      for (const path of ['/console/', '/console/codes', '/console/users']) {
        await page.goto(path);
        await page.getByRole('heading', { level: 1 }).first().waitFor();
        const overflow = Number(
          await page.evaluate('document.documentElement.scrollWidth - window.innerWidth'),
        );
        expect(overflow, `${path} at ${viewport.width}px`).toBeLessThanOrEqual(0);
      }
    }
    expect(unexpected(problems)).toEqual([]);
    await context.close();
  });
});

/** Picks an option of a Mantine Select by its label. */
async function pick(page: Page, label: string, option: string): Promise<void> {
  await page.getByLabel(labelled(label)).first().click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** A field's accessible name, with or without the asterisk of a required field. */
const labelled = (label: string) => new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\*)?$`);
