import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { forEachDatabase } from '../testing/test-databases.js';
import { storeImport } from './adoption-import.repository.js';
import { createAdoptionReadRepository } from './adoption-read.repository.js';
import { createAdoptionCounter } from './adoption-report.repository.js';
import { rebuildAdoptionSummaries } from './adoption-summary.writes.js';

// The summaries (migrations/0012) against the rows they sum: written by two processes' counters at
// once and by imports that replace figures, they must give what summing the counter rows gives.

const provinces = { 'VN-20': ['336', '338', ''], 'VN-06': ['132', ''] } as const;
const days = ['2026-03-08', '2026-03-09', '2026-03-10'];

/** A fixed pseudo-random sequence (the test never depends on chance). */
function sequence(seed: number) {
  let x = seed;
  return (n: number) => {
    x = (x * 1_103_515_245 + 12_345) % 2 ** 31;
    return x % n;
  };
}

forEachDatabase((database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({}, await database.location());
  });
  afterAll(() => t.app.close());

  const query = (text: string) => t.app.core.database.inScriptTransaction((exec) => exec(text));
  const snapshot = async () => ({
    daily: await query(
      'SELECT area, day::text, installs::int, active::int FROM adoption_daily ORDER BY 1, 2',
    ),
    totals: await query(
      'SELECT province, dimension, key, installs::int, active::int FROM adoption_totals ORDER BY 1, 2, 3',
    ),
    importDaily: await query(
      'SELECT source, province, day::text, installs::int, active::int FROM adoption_import_daily ORDER BY 1, 2, 3',
    ),
    importTotals: await query(
      'SELECT source, province, installs::int, active::int FROM adoption_import_totals ORDER BY 1, 2',
    ),
  });

  describe('adoption summaries', () => {
    it('sum what the counter rows and imports hold, whoever wrote them and in whatever order', async () => {
      const db = t.app.core.db;
      const counters = [createAdoptionCounter(db, 3_600_000), createAdoptionCounter(db, 3_600_000)];
      const next = sequence(7);
      const codes = Object.keys(provinces) as (keyof typeof provinces)[];
      for (let round = 0; round < 3; round++) {
        for (let i = 0; i < 400; i++) {
          const province = codes[next(codes.length)] as keyof typeof provinces;
          const districts = provinces[province];
          (counters[i % 2] as (typeof counters)[number]).count(
            {
              day: days[next(days.length)] as string,
              province,
              district: districts[next(districts.length)] as string,
              organisation: ['', 'ORG1', 'ORG2'][next(3)] as string,
              channel: ['', 'sms-a'][next(2)] as string,
              platform: next(2) === 0 ? 'android' : 'ios',
              appVersion: ['4.0.1', '4.0.2'][next(2)] as string,
            },
            next(3) === 0 ? 'active' : 'installs',
          );
        }
        // Both "processes" write at once.
        await Promise.all(counters.map((c) => c.flush()));
      }
      const row = (source: string, day: string, province: string, district: string, installs: number) => ({
        source,
        day,
        province,
        district,
        installs,
        active: district === '' ? null : installs * 2,
      });
      await storeImport(
        db,
        [
          row('viettel', days[0] as string, 'VN-20', '', 500),
          row('viettel', days[0] as string, 'VN-20', '336', 70),
        ],
        new Date(),
      );
      // A second import replaces one figure and adds another, at the same time as a third.
      await Promise.all([
        storeImport(
          db,
          [
            row('viettel', days[0] as string, 'VN-20', '', 450),
            row('viettel', days[1] as string, 'VN-06', '', 90),
          ],
          new Date(),
        ),
        storeImport(db, [row('mobifone', days[1] as string, 'VN-06', '132', 40)], new Date()),
      ]);

      const reads = createAdoptionReadRepository(db);
      const raw = (group: string, where = 'true') =>
        query(
          `SELECT ${group} AS key, sum(installs)::int AS installs, sum(active)::int AS active FROM adoption_counts WHERE ${where} GROUP BY 1 ORDER BY 1`,
        );
      const sorted = (rows: { key: string; installs: number; active: number }[]) =>
        rows.map((r) => ({ ...r })).sort((a, b) => (a.key < b.key ? -1 : 1));
      expect(sorted(await reads.countsBy('province'))).toEqual(await raw('province'));
      expect(sorted(await reads.countsBy('province', { from: days[1], to: days[1] }))).toEqual(
        await raw('province', `day = '${days[1]}'`),
      );
      for (const dimension of ['district', 'organisation', 'channel'] as const)
        expect(sorted(await reads.countsBy(dimension, { province: 'VN-20' }))).toEqual(
          await raw(dimension, "province = 'VN-20'"),
        );
      expect(sorted(await reads.countsBy('day'))).toEqual(await raw('day::text'));
      expect(sorted(await reads.countsBy('day', { province: 'VN-06', to: days[1] }))).toEqual(
        await raw('day::text', `province = 'VN-06' AND day <= '${days[1]}'`),
      );
      const total = (await raw("'all'"))[0] as { installs: number; active: number };
      expect(total.installs + total.active).toBe(1_200);

      expect(
        (await reads.importedBy('province')).sort((a, b) => (a.source + a.key < b.source + b.key ? -1 : 1)),
      ).toEqual([
        { source: 'mobifone', key: 'VN-06', installs: 40, active: 80 },
        { source: 'viettel', key: 'VN-06', installs: 90, active: 0 },
        { source: 'viettel', key: 'VN-20', installs: 520, active: 140 },
      ]);
      expect(await reads.importedBy('province', { province: 'VN-20', from: days[0], to: days[0] })).toEqual([
        { source: 'viettel', key: 'VN-20', installs: 520, active: 140 },
      ]);

      // Recomputing everything from the rows gives the same tables.
      const kept = await snapshot();
      expect(kept.totals.length).toBeGreaterThan(10);
      await rebuildAdoptionSummaries(db);
      expect(await snapshot()).toEqual(kept);
      await Promise.all(counters.map((c) => c.close()));
    });
  });
});
