import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Database } from '../database/database.types.js';
import { exportBatches, exportFiles, exposures, healthAuthorities } from '../database/schema.js';

/** Seconds of one rolling interval (PROTOCOL.md: a key's validity is counted in 10-minute intervals). */
const INTERVAL_SECONDS = 600;

/** The rows the retention cleanup deletes: published keys, and export batches with their files. */
export function createRetentionRepository(db: Database) {
  return {
    /** Deletes the keys whose rolling period ended at or before `cutoff`; returns how many. */
    async deleteKeysEndedBefore(cutoff: Date): Promise<number> {
      const cutoffInterval = Math.floor(cutoff.getTime() / 1000 / INTERVAL_SECONDS);
      const rows = await db
        .delete(exposures)
        .where(sql`${exposures.rollingStartIntervalNumber} + ${exposures.rollingPeriod} <= ${cutoffInterval}`)
        .returning({ exposureKey: exposures.exposureKey });
      return rows.length;
    },

    /**
     * Deletes the region's complete batches that ended at or before `cutoff` (their files' rows go
     * with them), except the region's latest batch, from which the export worker plans the next one.
     * Returns the number of batches and of file rows deleted.
     */
    async deleteBatchesEndedBefore(
      region: string,
      cutoff: Date,
    ): Promise<{ batches: number; files: number }> {
      return db.transaction(async (tx) => {
        const latest = await tx
          .select({ id: exportBatches.id })
          .from(exportBatches)
          .where(eq(exportBatches.region, region))
          .orderBy(sql`${exportBatches.endTimestamp} DESC`, sql`${exportBatches.id} DESC`)
          .limit(1);
        const expired = await tx
          .select({ id: exportBatches.id })
          .from(exportBatches)
          .where(
            and(
              eq(exportBatches.region, region),
              eq(exportBatches.status, 'complete'),
              lte(exportBatches.endTimestamp, cutoff),
            ),
          )
          .orderBy(asc(exportBatches.endTimestamp));
        const ids = expired.map((b) => b.id).filter((id) => id !== latest[0]?.id);
        if (ids.length === 0) return { batches: 0, files: 0 };
        const files = await tx
          .delete(exportFiles)
          .where(inArray(exportFiles.batchId, ids))
          .returning({ path: exportFiles.path });
        const batches = await tx
          .delete(exportBatches)
          .where(inArray(exportBatches.id, ids))
          .returning({ id: exportBatches.id });
        return { batches: batches.length, files: files.length };
      });
    },

    /** `start-end` (Unix seconds) of every batch the region still has, in any state. */
    async batchWindows(region: string): Promise<Set<string>> {
      const rows = await db
        .select({ start: exportBatches.startTimestamp, end: exportBatches.endTimestamp })
        .from(exportBatches)
        .where(eq(exportBatches.region, region));
      const seconds = (d: Date) => Math.floor(d.getTime() / 1000);
      return new Set(rows.map((r) => `${seconds(r.start)}-${seconds(r.end)}`));
    },

    /** Every region that has a health authority or export batches. */
    async regions(): Promise<string[]> {
      const authorities = await db.select({ region: healthAuthorities.region }).from(healthAuthorities);
      const batches = await db.selectDistinct({ region: exportBatches.region }).from(exportBatches);
      return [...new Set([...authorities, ...batches].map((r) => r.region))].sort();
    },
  };
}

export type RetentionRepository = ReturnType<typeof createRetentionRepository>;
