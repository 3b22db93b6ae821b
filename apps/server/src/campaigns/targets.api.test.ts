import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userAgent } from '../testing/console-test-kit.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { forEachDatabase } from '../testing/test-databases.js';

// Thái Bình is VN-20, Yên Bái VN-06. The test clock starts on 2026-03-10 at 08:00 UTC.

forEachDatabase((database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({}, await database.location());
  });
  afterAll(() => t.app.close());

  describe('campaign targets', () => {
    it('keeps a Thái Bình officer to Thái Bình, and gives the pace a target needs', async () => {
      const national = await userAgent(t, { role: 'national' });
      const thaiBinh = await userAgent(t, { role: 'province', province: 'VN-20' });
      // Yên Bái: 60 % of its smartphone users by 20 March (in 2020: by 20 August).
      const yenBai = await national.request('POST', '/console/api/campaigns/targets', {
        area: 'VN-06',
        kind: 'smartphone_share',
        share: 0.6,
        baseCount: 500_000,
        deadline: '2026-03-20',
        label: 'Chỉ thị UBND tỉnh',
      });
      expect(yenBai.status).toBe(200);
      expect(yenBai.json).toMatchObject({
        targetUsers: 300_000,
        daysLeft: 11,
        current: { value: null, suppressed: true },
      });

      for (const [method, url, body] of [
        ['GET', '/console/api/campaigns/targets?province=VN-06', undefined],
        [
          'POST',
          '/console/api/campaigns/targets',
          { area: 'VN-06', kind: 'absolute', baseCount: 10, deadline: '2026-04-01' },
        ],
        [
          'POST',
          `/console/api/campaigns/targets/${yenBai.json.id}`,
          { area: 'VN-20', kind: 'absolute', baseCount: 10, deadline: '2026-04-01' },
        ],
        ['DELETE', `/console/api/campaigns/targets/${yenBai.json.id}`, undefined],
        [
          'POST',
          '/console/api/campaigns/targets',
          { area: 'VN', kind: 'absolute', baseCount: 50_000_000, deadline: '2026-12-31' },
        ],
      ] as const) {
        const answer = await thaiBinh.request(method, url, body);
        expect([answer.status, answer.json.errorCode], `${method} ${url}`).toEqual([403, 'forbidden_area']);
      }

      // Thái Bình: 1,000 installs by 19 March; 600 so far (imported), 400 to go in 10 days: 40 a day.
      await national.request('POST', '/console/api/adoption/import', {
        csv: 'date,province,district,source,installs\n2026-03-05,VN-20,,google-play,300\n2026-03-09,VN-20,,google-play,300',
      });
      const own = await thaiBinh.request('POST', '/console/api/campaigns/targets', {
        area: 'VN-20',
        kind: 'absolute',
        baseCount: 1000,
        deadline: '2026-03-19',
      });
      expect(own.json).toMatchObject({
        current: { value: 600 },
        remaining: 400,
        daysLeft: 10,
        dailyPaceNeeded: 40,
      });
      const listed = (await thaiBinh.request('GET', '/console/api/campaigns/targets')).json.targets as {
        area: string;
      }[];
      expect(listed.map((x) => x.area)).toEqual(['VN-20']);
      const changed = await thaiBinh.request('POST', `/console/api/campaigns/targets/${own.json.id}`, {
        area: 'VN-20',
        kind: 'population_share',
        share: 0.5,
        deadline: '2026-06-30',
      });
      expect(changed.json.targetUsers).toBe(Math.ceil(1_860_447 * 0.5));
      const bad = await thaiBinh.request('POST', '/console/api/campaigns/targets', {
        area: 'VN-20',
        kind: 'population_share',
        share: 1.5,
        deadline: '2026-06-30',
      });
      expect([bad.status, bad.json.errorCode]).toEqual([400, 'invalid_target']);
      expect(
        (await thaiBinh.request('DELETE', `/console/api/campaigns/targets/${own.json.id}`)).json,
      ).toEqual({ deleted: true });
      const audit = (await national.request('GET', '/console/api/audit')).json.entries as {
        action: string;
      }[];
      expect(audit.map((e) => e.action)).toEqual(
        expect.arrayContaining(['target_created', 'target_changed', 'target_deleted', 'adoption_imported']),
      );
    });
  });
});
