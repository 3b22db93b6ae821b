import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { forEachDatabase } from '../testing/test-databases.js';

const confirmed = { testType: 'confirmed', testDate: '2026-03-09' };

forEachDatabase((database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(
      { BLUEZONE_DAILY_ISSUE_QUOTA: '5', BLUEZONE_VERIFY_RATE_LIMIT: '3' },
      await database.location(),
    );
  });
  afterAll(() => t.app.close());

  describe('case-worker routes', () => {
    it('checkcodestatus and expirecode follow a code through its life', async () => {
      const { adminKey, deviceKey } = await t.provision();
      const uuid = '6b1b3f7e-0d4c-4f0e-9a51-2f5d8b7c9e01';
      const issued = (await t.post('/api/issue', adminKey, { ...confirmed, uuid })).json;
      expect(issued.uuid).toBe(uuid);
      expect((await t.post('/api/issue', adminKey, { ...confirmed, uuid })).json.errorCode).toBe(
        'uuid_already_exists',
      );
      expect((await t.post('/api/checkcodestatus', adminKey, { uuid })).json).toMatchObject({
        claimed: false,
        expiresAtTimestamp: issued.expiresAtTimestamp,
        longExpiresAtTimestamp: issued.longExpiresAtTimestamp,
      });
      const expired = await t.post('/api/expirecode', adminKey, { uuid });
      const now = t.clock.now().getTime() / 1000;
      expect(expired.json).toMatchObject({ expiresAtTimestamp: now, longExpiresAtTimestamp: now });
      expect((await t.post('/api/verify', deviceKey, { code: issued.code })).json.errorCode).toBe(
        'code_expired',
      );

      const other = (await t.post('/api/issue', adminKey, confirmed)).json;
      await t.post('/api/verify', deviceKey, { code: other.longCode });
      expect((await t.post('/api/checkcodestatus', adminKey, { uuid: other.uuid })).json.claimed).toBe(true);
      const unknown = await t.post('/api/checkcodestatus', adminKey, {
        uuid: '00000000-0000-4000-8000-000000000000',
      });
      expect(unknown.json.errorCode).toBe('code_not_found');
      expect((await t.post('/api/expirecode', adminKey, { uuid: 'nope' })).json.errorCode).toBe(
        'invalid_request',
      );
    });

    it('batch-issue answers item by item and enforces the daily quota', async () => {
      const { adminKey } = await t.provision();
      const batch = await t.post('/api/batch-issue', adminKey, {
        codes: [confirmed, { testType: 'confirmed' }, confirmed, confirmed],
      });
      expect(batch.status).toBe(200);
      const codes = batch.json.codes as Record<string, unknown>[];
      expect(codes.map((c) => c.errorCode ?? 'ok')).toEqual(['ok', 'missing_date', 'ok', 'ok']);
      // 3 of the quota of 5 used; the failed item did not count.
      expect((await t.post('/api/issue', adminKey, confirmed)).status).toBe(200);
      expect((await t.post('/api/issue', adminKey, confirmed)).status).toBe(200);
      const over = await t.post('/api/issue', adminKey, confirmed);
      expect([over.status, over.json.errorCode]).toEqual([429, 'quota_exceeded']);
      const overBatch = await t.post('/api/batch-issue', adminKey, { codes: [confirmed, confirmed] });
      expect([overBatch.status, overBatch.json.errorCode]).toEqual([429, 'quota_exceeded']);
      t.clock.advance(24 * 3_600_000);
      expect((await t.post('/api/issue', adminKey, { ...confirmed, testDate: '2026-03-10' })).status).toBe(
        200,
      );
    });

    it('rate-limits code guessing per API key and client', async () => {
      const { deviceKey } = await t.provision();
      const guess = (ip: string) =>
        t.app.server.inject({
          method: 'POST',
          url: '/api/verify',
          headers: { 'x-api-key': deviceKey },
          remoteAddress: ip,
          payload: { code: '11111111' },
        });
      for (let i = 0; i < 3; i++) expect((await guess('192.0.2.1')).json().errorCode).toBe('code_not_found');
      const limited = await guess('192.0.2.1');
      expect([limited.statusCode, limited.json().errorCode]).toEqual([429, 'rate_limited']);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      expect((await guess('192.0.2.2')).statusCode).toBe(400);
      // A sliding window: at the start of the next one the previous one still counts whole.
      t.clock.advance(60_000);
      expect((await guess('192.0.2.1')).statusCode).toBe(429);
      t.clock.advance(60_000);
      expect((await guess('192.0.2.1')).statusCode).toBe(400);
    });
  });
});
