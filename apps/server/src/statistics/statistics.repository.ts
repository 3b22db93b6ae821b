import { and, asc, eq, exists, gte, lte, sql } from 'drizzle-orm';
import type { DailyCount } from '../database/daily-counts.js';
import type { Database } from '../database/database.types.js';
import { statisticsDaily, statisticsExportFiles } from '../database/schema.js';
import { exportFilesNotListed } from '../export/export-file-listing.js';
import { createExposureRepository } from '../exposures/exposure.repository.js';
import { publishedByDayAndProvince } from '../exposures/exposure-provinces.js';
import { createCodeRepository } from '../repositories/code.repository.js';
import { createTokenRepository } from '../repositories/token.repository.js';
import { KEYS_BY_PROVINCE_METRIC } from './province-statistics.js';

/** What is counted per UTC day; `kind` is the test type or the report type. */
export type Metric =
  | 'codes_issued'
  | 'codes_used'
  | 'uploads'
  | 'keys_published'
  | 'keys_revised'
  | typeof KEYS_BY_PROVINCE_METRIC;

export function createStatisticsRepository(db: Database) {
  const codes = createCodeRepository(db);
  const tokens = createTokenRepository(db);
  const keys = createExposureRepository(db);
  /** The live tables, counted by day through their owners (they keep 48 hours of codes and 14 days of keys). */
  const live: Record<Metric, () => Promise<DailyCount[]>> = {
    codes_issued: codes.issuedByDay,
    codes_used: codes.usedByDay,
    uploads: tokens.uploadsByDay,
    keys_published: keys.publishedByDay,
    keys_revised: keys.revisedByDay,
    [KEYS_BY_PROVINCE_METRIC]: () => publishedByDayAndProvince(db),
  };

  return {
    /**
     * Copies the live counts into statistics_daily, keeping the larger of the stored and the live
     * value (a count falls when the retention cleanup deletes rows; the stored one does not).
     */
    async snapshot(): Promise<void> {
      for (const [metric, count] of Object.entries(live)) {
        const counted = await count();
        if (counted.length === 0) continue;
        await db
          .insert(statisticsDaily)
          .values(counted.map((r) => ({ day: r.day, metric, kind: r.kind ?? '', value: Number(r.value) })))
          .onConflictDoUpdate({
            target: [statisticsDaily.day, statisticsDaily.metric, statisticsDaily.kind],
            set: { value: sql`greatest(${statisticsDaily.value}, excluded.value)` },
          });
      }
    },

    async daily(from: string, to: string) {
      return db
        .select()
        .from(statisticsDaily)
        .where(and(gte(statisticsDaily.day, from), lte(statisticsDaily.day, to)))
        .orderBy(asc(statisticsDaily.day));
    },

    /** Export files not yet recorded for the statistics (at most `limit`), read through the export module. */
    async unrecordedExportFiles(limit: number) {
      return exportFilesNotListed(
        db,
        (path) =>
          exists(
            db
              .select({ one: sql`1` })
              .from(statisticsExportFiles)
              .where(eq(statisticsExportFiles.path, path)),
          ),
        limit,
      );
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
