import { ROLLING_PERIOD } from '@bluezone/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  dayStart,
  pastKeys,
  publish,
  publishRequest,
  storedExposures,
  todayKey,
} from '../testing/publish-test-kit.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { forEachDatabase } from '../testing/test-databases.js';

let t: TestApp;

forEachDatabase((database) => {
  beforeAll(async () => {
    t = await createTestApp({ BLUEZONE_VERIFY_RATE_LIMIT: '10000' }, await database.location());
  });
  afterAll(() => t.app.close());

  describe('issue → verify → certificate → publish', () => {
    it.each([
      ['confirmed', 'CONFIRMED_TEST'],
      ['likely', 'CONFIRMED_CLINICAL_DIAGNOSIS'],
      ['recursive', 'RECURSIVE'],
    ] as const)(
      'stores %s keys as %s, report type from the certificate only',
      async (testType, reportType) => {
        const authority = await t.provision();
        const keys = pastKeys(t, 14);
        const request = await publishRequest(t, authority, testType, keys, { traveler: true });
        const answer = await publish(t, request);
        expect(answer.status).toBe(200);
        expect(answer.json).toMatchObject({ insertedExposures: 14, warnings: [] });
        expect(answer.json.code).toBeUndefined();
        expect(answer.json.revisionToken).toMatch(/^[A-Za-z0-9+/]+=*$/);
        const rows = await storedExposures(t, authority.healthAuthorityId);
        expect(rows).toHaveLength(14);
        const onsetDay = Date.parse('2026-03-07T00:00:00Z') / 86_400_000;
        for (const row of rows) {
          expect(row.reportType).toBe(reportType);
          expect(row.traveler).toBe(true);
          expect(row.rollingPeriod).toBe(ROLLING_PERIOD);
          expect(row.daysSinceOnsetOfSymptoms).toBe(
            row.rollingStartIntervalNumber / ROLLING_PERIOD - onsetDay,
          );
          expect(row.createdAt.toISOString()).toBe('2026-03-10T08:00:00.000Z');
          expect(row.exportableAt.getTime()).toBe(row.createdAt.getTime());
        }
      },
    );

    it('holds back a key that is still valid until its validity ends (embargo)', async () => {
      const authority = await t.provision();
      const today = todayKey(t);
      const keys = [...pastKeys(t, 2), today];
      const answer = await publish(t, await publishRequest(t, authority, 'confirmed', keys));
      expect(answer.json).toMatchObject({ insertedExposures: 3 });
      const rows = await storedExposures(t, authority.healthAuthorityId);
      const held = rows.find((r) => r.rollingStartIntervalNumber === dayStart(t, 0));
      expect(held?.exportableAt.toISOString()).toBe('2026-03-11T00:00:00.000Z');
      expect(rows.filter((r) => r.exportableAt.toISOString() === '2026-03-10T08:00:00.000Z')).toHaveLength(2);
    });

    it('stores the same keys once when they are published twice, and counts only new ones', async () => {
      const authority = await t.provision();
      const keys = pastKeys(t, 5);
      const request = await publishRequest(t, authority, 'confirmed', keys);
      expect((await publish(t, request)).json.insertedExposures).toBe(5);
      // The certificate is bound to the keys (tekmac), not single use: a replay changes nothing.
      const again = await publish(t, request);
      expect(again.status).toBe(200);
      expect(again.json.insertedExposures).toBe(0);
      const more = [...keys, ...pastKeys(t, 1).map((k) => ({ ...k, rollingStartNumber: dayStart(t, 6) }))];
      expect(
        (await publish(t, await publishRequest(t, authority, 'confirmed', more))).json.insertedExposures,
      ).toBe(1);
      expect(await storedExposures(t, authority.healthAuthorityId)).toHaveLength(6);
    });

    it("refuses a certificate obtained with another authority's device key", async () => {
      const home = await t.provision('VN-HOME');
      const other = await t.provision('VN-OTHER');
      const keys = pastKeys(t, 1);
      const request = await publishRequest(t, home, 'confirmed', keys, { healthAuthorityID: 'VN-OTHER' });
      const refused = await publish(t, request);
      expect(refused.status).toBe(401);
      expect(refused.json.code).toBe('invalid_certificate');
      expect(await storedExposures(t, other.healthAuthorityId)).toHaveLength(0);
      expect(await storedExposures(t, home.healthAuthorityId)).toHaveLength(0);
    });

    it('accepts the region code as healthAuthorityID and refuses unknown ones', async () => {
      const authority = await t.provision('VN-FLOW');
      const keys = pastKeys(t, 1);
      const request = await publishRequest(t, authority, 'confirmed', keys, { healthAuthorityID: 'VN-FLOW' });
      expect((await publish(t, request)).json.insertedExposures).toBe(1);
      for (const id of ['XX', '00000000-0000-0000-0000-000000000000']) {
        const refused = await publish(t, { ...request, healthAuthorityID: id });
        expect(refused.status).toBe(401);
        expect(refused.json.code).toBe('unknown_health_authority');
      }
    });
  });
});
