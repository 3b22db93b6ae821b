import { sql } from 'drizzle-orm';
import type { DailyCount } from '../database/daily-counts.js';
import type { Database } from '../database/database.types.js';

/**
 * Keys published per UTC day, per province set they went to and report type (the statistics):
 * `kind` is `"<province> <report type>"`, e.g. `"VN-20 RECURSIVE"`. A key declared in two provinces
 * counts in both; a key with no province counts in none (it is in the national set only).
 */
export async function publishedByDayAndProvince(db: Pick<Database, 'execute'>): Promise<DailyCount[]> {
  const rows = await db.execute(
    sql.raw(`SELECT to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day,
      p.province || ' ' || report_type AS kind, count(*)::int AS value
    FROM exposures CROSS JOIN LATERAL unnest(provinces) AS p(province) GROUP BY 1, 2`),
  );
  return (rows as unknown as { rows: DailyCount[] }).rows;
}
