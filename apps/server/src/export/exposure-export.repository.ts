import { and, eq, gt, isNotNull, lte } from 'drizzle-orm';
import type { Database } from '../database/database.types.js';
import { exposures, healthAuthorities } from '../database/schema.js';

export type ExposureRow = typeof exposures.$inferSelect;

/** What the export worker reads: regions with their authority, and the keys of a batch window. */
export function createExposureExportRepository(db: Database) {
  return {
    async regions(): Promise<{ region: string; healthAuthorityId: string }[]> {
      return db
        .select({ region: healthAuthorities.region, healthAuthorityId: healthAuthorities.id })
        .from(healthAuthorities)
        .orderBy(healthAuthorities.region);
    },

    /** Keys whose embargo ended in (start, end]. */
    async exportable(region: string, start: Date, end: Date): Promise<ExposureRow[]> {
      return db
        .select()
        .from(exposures)
        .where(
          and(
            eq(exposures.region, region),
            gt(exposures.exportableAt, start),
            lte(exposures.exportableAt, end),
          ),
        );
    },

    /** Keys revised (report type changed) whose revision became exportable in (start, end]. */
    async revised(region: string, start: Date, end: Date): Promise<ExposureRow[]> {
      return db
        .select()
        .from(exposures)
        .where(
          and(
            eq(exposures.region, region),
            isNotNull(exposures.revisedAt),
            gt(exposures.revisedExportableAt, start),
            lte(exposures.revisedExportableAt, end),
          ),
        );
    },
  };
}
