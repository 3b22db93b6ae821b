import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, userAgent } from '../testing/console-test-kit.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { forEachDatabase } from '../testing/test-databases.js';

forEachDatabase((database) => {
  let t: TestApp;
  let deviceKey: string;
  beforeAll(async () => {
    t = await createTestApp(
      { BLUEZONE_DAILY_ISSUE_QUOTA: '4', BLUEZONE_CODE_LINK: 'https://example.org/v?c={code}' },
      await database.location(),
    );
    deviceKey = (await t.provision('VN')).deviceKey;
  });
  afterAll(() => t.app.close());

  describe('codes through the console', () => {
    it('issues F0 and F1 codes, lists them by status without their values, expires them', async () => {
      const worker = await userAgent(t, { role: 'caseworker', province: 'VN-20' });
      const f0 = await worker.request('POST', '/console/api/codes', {
        testType: 'confirmed',
        symptomDate: '2026-03-08',
      });
      expect(f0.status).toBe(200);
      expect(f0.json).toMatchObject({ testType: 'confirmed', province: 'VN-20' });
      expect(f0.json.code).toMatch(/^\d{8}$/);
      expect(f0.json.longCode).toMatch(/^[a-z0-9]{16}$/);
      expect(f0.json.link).toBe(`https://example.org/v?c=${f0.json.longCode}`);
      expect(Date.parse(String(f0.json.expiresAt)) - t.clock.now().getTime()).toBe(15 * 60_000);
      expect(Date.parse(String(f0.json.longExpiresAt)) - t.clock.now().getTime()).toBe(24 * 3_600_000);
      const f1 = await worker.request('POST', '/console/api/codes', {
        testType: 'recursive',
        testDate: '2026-03-09',
      });
      const other = await worker.request('POST', '/console/api/codes', {
        testType: 'confirmed',
        testDate: '2026-03-09',
      });

      // The phone redeems the F0 code with the long code, as from the link.
      const verified = await t.post('/api/verify', deviceKey, { code: f0.json.longCode });
      expect(verified.status).toBe(200);
      const expired = await worker.request('POST', '/console/api/codes/expire', { uuid: other.json.uuid });
      expect(expired.json).toEqual({ uuid: other.json.uuid, expiresAt: t.clock.now().toISOString() });

      const listed = await worker.request('GET', '/console/api/codes?limit=10');
      const codes = listed.json.codes as Record<string, unknown>[];
      const statusOf = (uuid: unknown) => codes.find((c) => c.uuid === uuid)?.status;
      expect([statusOf(f0.json.uuid), statusOf(f1.json.uuid), statusOf(other.json.uuid)]).toEqual([
        'claimed',
        'unclaimed',
        'expired',
      ]);
      expect(codes.find((c) => c.uuid === f0.json.uuid)).toMatchObject({
        testType: 'confirmed',
        issuedBy: worker.username,
        province: 'VN-20',
      });
      for (const answer of [f0, f1, other])
        for (const value of [answer.json.code, answer.json.longCode])
          expect(listed.json).not.toContain(value);
      expect(JSON.stringify(listed.json)).not.toMatch(new RegExp(`${f0.json.code}|${f0.json.longCode}`));
      t.clock.advance(25 * 3_600_000);
      const again = await signIn(t, worker.username, worker.password);
      const later = (await again.request('GET', '/console/api/codes')).json.codes as Record<
        string,
        unknown
      >[];
      expect(later.find((c) => c.uuid === f1.json.uuid)?.status).toBe('expired');
    });

    it('reuses the issue rules: test types, dates, quota; the audit keeps type and time only', async () => {
      const national = await userAgent(t, { role: 'national' });
      const likely = await national.request('POST', '/console/api/codes', {
        testType: 'likely',
        testDate: '2026-03-09',
      });
      expect([likely.status, likely.json.errorCode]).toEqual([400, 'invalid_test_type']);
      expect(
        (await national.request('POST', '/console/api/codes', { testType: 'confirmed' })).json.errorCode,
      ).toBe('missing_date');
      const future = await national.request('POST', '/console/api/codes', {
        testType: 'confirmed',
        testDate: '2099-01-01',
      });
      expect(future.json.errorCode).toBe('invalid_date');
      for (const province of ['VN-99', 'VN-00', 'XX-20']) {
        const nowhere = await national.request('POST', '/console/api/codes', {
          testType: 'confirmed',
          testDate: '2026-03-10',
          province,
        });
        expect([nowhere.status, nowhere.json.errorCode], province).toEqual([400, 'unknown_province']);
      }
      const issued = await national.request('POST', '/console/api/codes', {
        testType: 'recursive',
        testDate: '2026-03-10',
      });
      expect(issued.json.province).toBeNull();
      const unknown = await national.request('POST', '/console/api/codes/expire', {
        uuid: '00000000-0000-4000-8000-000000000000',
      });
      expect(unknown.json.errorCode).toBe('code_not_found');
      const entries = (await national.request('GET', '/console/api/audit')).json.entries as Record<
        string,
        unknown
      >[];
      const issuedEntries = entries.filter((e) => e.action === 'code_issued');
      expect(issuedEntries[0]).toMatchObject({
        target: issued.json.uuid,
        details: { testType: 'recursive' },
      });
      expect(entries.some((e) => e.action === 'code_expired')).toBe(true);
      expect(JSON.stringify(entries)).not.toContain(String(issued.json.code));
      expect(JSON.stringify(entries)).not.toContain(String(issued.json.longCode));
      // The daily quota (4) is the health authority's, shared with /api/issue; refused codes do not count.
      const body = { testType: 'confirmed', testDate: '2026-03-10' };
      for (let n = 2; n <= 4; n++)
        expect((await national.request('POST', '/console/api/codes', body)).status).toBe(200);
      const over = await national.request('POST', '/console/api/codes', body);
      expect([over.status, over.json.errorCode]).toEqual([429, 'quota_exceeded']);
    });
  });
});

describe('codes through the console without a health authority', () => {
  it('answers no_health_authority until `bluezone admin init` ran', async () => {
    const t = await createTestApp({ BLUEZONE_REGION: 'VN-HN' });
    try {
      const national = await userAgent(t, { role: 'national' });
      const answer = await national.request('POST', '/console/api/codes', {
        testType: 'confirmed',
        testDate: '2026-03-09',
      });
      expect([answer.status, answer.json.errorCode]).toEqual([409, 'no_health_authority']);
    } finally {
      await t.app.close();
    }
  });
});
