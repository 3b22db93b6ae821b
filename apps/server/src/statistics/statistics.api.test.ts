import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, userAgent } from '../testing/console-test-kit.js';
import { type Authority, pastKeys, publish, publishRequest } from '../testing/publish-test-kit.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { forEachDatabase } from '../testing/test-databases.js';

// The test clock starts on 2026-03-10 at 08:00 UTC.

forEachDatabase((database) => {
  let t: TestApp;
  let authority: Authority;
  beforeAll(async () => {
    t = await createTestApp({}, await database.location());
    authority = await t.provision('VN');
  });
  afterAll(() => t.app.close());

  describe('exposure statistics', () => {
    it('counts codes, uploads, keys by report type and export files per day, beyond retention', async () => {
      // One F0 uploads 3 keys; one F1 uploads 1 key; one F0 code is issued and never used.
      const f0Keys = pastKeys(t, 3);
      const f1Keys = pastKeys(t, 1).map((k) => ({ ...k, key: Buffer.alloc(16, 9).toString('base64') }));
      expect((await publish(t, await publishRequest(t, authority, 'confirmed', f0Keys))).status).toBe(200);
      const f1 = await publishRequest(t, authority, 'recursive', f1Keys, { visitedProvinces: ['VN-20'] });
      expect((await publish(t, f1)).status).toBe(200);
      await t.post('/api/issue', authority.adminKey, { testType: 'confirmed', symptomDate: '2026-03-07' });
      t.clock.advance(3 * 3_600_000);
      await t.app.runExportPass();

      const analyst = await userAgent(t, { role: 'analyst' });
      const read = async () => {
        const answer = await analyst.request('GET', '/console/api/statistics?from=2026-03-01&to=2026-03-10');
        expect(answer.status).toBe(200);
        return answer.json as {
          funnel: Record<string, number>;
          days: {
            day: string;
            codesIssued: Record<string, number>;
            keysPublished: Record<string, number>;
            exportFiles: number;
            exportBytes: number;
            downloads: number;
          }[];
          exportFiles: { path: string; sizeBytes: number | null; keyCount: number; downloads: number }[];
          downloads: { total: number; counted: 'origin' };
          byProvince: {
            national: { bytesPerDay: number };
            provinces: { province: string; f0Keys: number; f1Keys: number; bytesPerDay: number }[];
          };
        };
      };
      const stats = await read();
      expect(stats.funnel).toEqual({
        f0Codes: 2,
        f0Uploads: 1,
        f0Keys: 3,
        f1Codes: 1,
        f1Uploads: 1,
        f1Keys: 1,
      });
      const today = stats.days.find((d) => d.day === '2026-03-10');
      expect(today?.codesIssued).toMatchObject({ confirmed: 2, recursive: 1 });
      expect(today?.keysPublished).toMatchObject({ CONFIRMED_TEST: 3, RECURSIVE: 1 });
      expect(stats.days).toHaveLength(10);
      expect(today?.exportFiles).toBeGreaterThanOrEqual(1);
      expect(stats.exportFiles[0]?.sizeBytes).toBeGreaterThan(0);
      expect(today?.exportBytes).toBe(stats.exportFiles.reduce((a, f) => a + (f.sizeBytes ?? 0), 0));
      expect(stats.downloads).toEqual({ total: 0, counted: 'origin' });
      // Per province: the F1 declared Thái Bình; every province's set wrote its (padded) first file.
      expect(stats.byProvince.provinces).toHaveLength(63);
      expect(stats.byProvince.provinces.find((p) => p.province === 'VN-20')).toMatchObject({
        f0Keys: 0,
        f1Keys: 1,
      });
      expect(stats.byProvince.national.bytesPerDay).toBeGreaterThan(0);
      expect(stats.byProvince.provinces.every((p) => p.bytesPerDay > 0)).toBe(true);

      // Downloads of a file are counted per file and day (a 304 revalidation is not a download).
      const path = stats.exportFiles[0]?.path as string;
      const first = await t.app.server.inject({ method: 'GET', url: `/v1/exports/${path}` });
      expect(first.statusCode).toBe(200);
      await t.app.server.inject({ method: 'GET', url: `/v1/exports/${path}` });
      const revalidated = await t.app.server.inject({
        method: 'GET',
        url: `/v1/exports/${path}`,
        headers: { 'if-none-match': String(first.headers.etag) },
      });
      expect(revalidated.statusCode).toBe(304);
      const counted = await read();
      expect(counted.downloads.total).toBe(2);
      expect(counted.days.find((d) => d.day === '2026-03-10')?.downloads).toBe(2);
      expect(counted.exportFiles.find((f) => f.path === path)?.downloads).toBe(2);

      // The retention cleanup deletes codes after 48 hours: the day's counts stay.
      await t.app.core.database.inScriptTransaction((exec) =>
        exec('DELETE FROM verification_tokens; DELETE FROM verification_codes'),
      );
      expect((await read()).funnel).toEqual(stats.funnel);
    });

    it('refuses bad ranges and anonymous callers with named errors', async () => {
      const analyst = await userAgent(t, { role: 'analyst' });
      for (const query of [
        '?from=2026-03-10&to=2026-03-01',
        '?from=2025-01-01&to=2026-03-01',
        '?from=yesterday',
      ]) {
        const answer = await analyst.request('GET', `/console/api/statistics${query}`);
        expect([answer.status, answer.json.errorCode], query).toEqual([400, 'invalid_date']);
      }
      expect((await call(t, 'GET', '/console/api/statistics')).json.errorCode).toBe('not_signed_in');
    });
  });
});
