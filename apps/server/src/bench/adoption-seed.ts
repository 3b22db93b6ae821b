import { sql } from 'drizzle-orm';
import { addDays, utcDay } from '../adoption/adoption-areas.js';
import { rebuildAdoptionSummaries } from '../adoption/adoption-summary.writes.js';
import { configuredAreas } from '../areas/area-codes.js';
import type { Database } from '../database/database.types.js';

/** Import sources of the seeded year (telecom operators). */
const SOURCES = ['viettel', 'vinaphone', 'mobifone'];

/**
 * A year of the whole country's adoption counts, written as the server writes them: for every
 * district of every province and every day up to `now`, one counter row per platform (random
 * installs and active signals, a third of them from a tracked link), and one imported figure per
 * operator, province and day; then the summaries of those rows. Returns how many rows it wrote.
 */
export async function seedAdoptionYear(db: Database, now: Date, days: number) {
  const provinces = configuredAreas().provinces;
  const areas = provinces.flatMap((p) => p.districts.map((d) => [p.code, d.code] as const));
  const to = utcDay(now);
  const from = addDays(to, -(days - 1));
  const provinceCodes = `{${provinces.map((p) => p.code).join(',')}}`;
  const counted = await db.execute(sql`
    INSERT INTO adoption_counts (day, province, district, organisation, channel, platform, app_version, installs, active)
    SELECT d::date, a.province, a.district, '', CASE WHEN random() < 0.33 THEN 'sms-viettel' ELSE '' END,
      p.platform, '1.0.0', (random() * 40)::int, (random() * 400)::int
    FROM unnest(${`{${areas.map((a) => a[0]).join(',')}}`}::text[], ${`{${areas.map((a) => a[1]).join(',')}}`}::text[])
      AS a(province, district)
    CROSS JOIN generate_series(${from}::date, ${to}::date, interval '1 day') AS d
    CROSS JOIN (VALUES ('android'), ('ios')) AS p(platform)`);
  const imported = await db.execute(sql`
    INSERT INTO adoption_imports (source, day, province, district, installs, active, imported_at)
    SELECT s.source, d::date, p.province, '', (random() * 20000)::int, (random() * 100000)::int, now()
    FROM unnest(${`{${SOURCES.join(',')}}`}::text[]) AS s(source)
    CROSS JOIN unnest(${provinceCodes}::text[]) AS p(province)
    CROSS JOIN generate_series(${from}::date, ${to}::date, interval '1 day') AS d`);
  await rebuildAdoptionSummaries(db);
  // Vacuumed now, so that autovacuum does not run on the new rows while pages are timed.
  await db.execute(sql`VACUUM ANALYZE`);
  return {
    countRows: (counted as unknown as { rowCount: number }).rowCount,
    importRows: (imported as unknown as { rowCount: number }).rowCount,
    provinces: provinces.length,
    districts: areas.length,
    days,
  };
}
