import { and, asc, gte, isNull, lte, sql } from 'drizzle-orm';
import type { Database } from '../database/database.types.js';
import { exportFiles, statisticsDaily, statisticsExportFiles } from '../database/schema.js';
import { downloadCounterFor } from './download-counter.js';

/** What is counted per UTC day; `kind` is the test type or the report type. */
export type Metric = 'codes_issued' | 'codes_used' | 'uploads' | 'keys_published' | 'keys_revised';

interface Row {
  day: string;
  kind: string;
  value: number;
}

const day = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD')`;

/** The live tables, counted by day (they keep 48 hours of codes and 14 days of keys). */
const LIVE: Record<Metric, string> = {
  codes_issued: `SELECT ${day('issued_at')} AS day, test_type AS kind, count(*)::int AS value FROM verification_codes GROUP BY 1, 2`,
  codes_used: `SELECT ${day('claimed_at')} AS day, test_type AS kind, count(*)::int AS value FROM verification_codes WHERE claimed_at IS NOT NULL GROUP BY 1, 2`,
  uploads: `SELECT ${day('claimed_at')} AS day, test_type AS kind, count(*)::int AS value FROM verification_tokens WHERE claimed_at IS NOT NULL GROUP BY 1, 2`,
  keys_published: `SELECT ${day('created_at')} AS day, report_type AS kind, count(*)::int AS value FROM exposures GROUP BY 1, 2`,
  keys_revised: `SELECT ${day('revised_at')} AS day, revised_report_type AS kind, count(*)::int AS value FROM exposures WHERE revised_at IS NOT NULL GROUP BY 1, 2`,
};

export function createStatisticsRepository(db: Database) {
  const rows = async (query: string) =>
    ((await db.execute(sql.raw(query))) as unknown as { rows: Row[] }).rows;

  return {
    /**
     * Copies the live counts into statistics_daily, keeping the larger of the stored and the live
     * value (a count falls when the retention cleanup deletes rows; the stored one does not).
     */
    async snapshot(): Promise<void> {
      for (const [metric, query] of Object.entries(LIVE)) {
        const live = await rows(query);
        if (live.length === 0) continue;
        await db
          .insert(statisticsDaily)
          .values(live.map((r) => ({ day: r.day, metric, kind: r.kind ?? '', value: Number(r.value) })))
          .onConflictDoUpdate({
            target: [statisticsDaily.day, statisticsDaily.metric, statisticsDaily.kind],
            set: { value: sql`greatest(${statisticsDaily.value}, excluded.value)` },
          });
      }
    },

    /** Writes the downloads counted in memory, so a request sees them at once. */
    flushDownloads: () => downloadCounterFor(db).flush(),

    async daily(from: string, to: string) {
      return db
        .select()
        .from(statisticsDaily)
        .where(and(gte(statisticsDaily.day, from), lte(statisticsDaily.day, to)))
        .orderBy(asc(statisticsDaily.day));
    },

    /** Export files not yet recorded for the statistics (at most `limit`). */
    async unrecordedExportFiles(limit: number) {
      return db
        .select({
          path: exportFiles.path,
          region: exportFiles.region,
          keyCount: exportFiles.keyCount,
          createdAt: exportFiles.createdAt,
        })
        .from(exportFiles)
        .leftJoin(statisticsExportFiles, sql`${statisticsExportFiles.path} = ${exportFiles.path}`)
        .where(isNull(statisticsExportFiles.path))
        .orderBy(asc(exportFiles.createdAt))
        .limit(limit);
    },

    async recordExportFiles(files: (typeof statisticsExportFiles.$inferInsert)[]): Promise<void> {
      if (files.length > 0) await db.insert(statisticsExportFiles).values(files).onConflictDoNothing();
    },

    async exportFilesBetween(from: string, to: string) {
      return db
        .select()
        .from(statisticsExportFiles)
        .where(and(gte(statisticsExportFiles.day, from), lte(statisticsExportFiles.day, to)))
        .orderBy(asc(statisticsExportFiles.day), asc(statisticsExportFiles.path));
    },
  };
}

export type StatisticsRepository = ReturnType<typeof createStatisticsRepository>;
