import { sql } from 'drizzle-orm';
import type { Database } from './database.types.js';

/** Rows counted for one UTC day and one kind (a test type, a report type). */
export interface DailyCount {
  day: string;
  kind: string;
  value: number;
}

/**
 * The rows of `table` whose `dayColumn` is set, counted per UTC day of it and per `kindColumn`. The
 * names are the caller's constants (the repository of the table), never input.
 */
export async function countByDay(
  db: Pick<Database, 'execute'>,
  table: string,
  dayColumn: string,
  kindColumn: string,
): Promise<DailyCount[]> {
  const query = `SELECT to_char(${dayColumn} AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, ${kindColumn} AS kind,
    count(*)::int AS value FROM ${table} WHERE ${dayColumn} IS NOT NULL GROUP BY 1, 2`;
  return ((await db.execute(sql.raw(query))) as unknown as { rows: DailyCount[] }).rows;
}
