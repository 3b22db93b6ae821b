import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Database } from '../database/database.types.js';
import { exposures } from '../database/schema.js';

export type ExposureRecord = typeof exposures.$inferSelect;
export type NewExposure = typeof exposures.$inferInsert;

/** A revision of a stored key's report type (the `revised_*` columns). */
export interface ExposureRevision {
  readonly revisedReportType: string;
  readonly revisedDaysSinceOnsetOfSymptoms: number | null;
  readonly revisedTransmissionRisk: number;
  readonly revisedAt: Date;
  readonly revisedExportableAt: Date;
}

/** Published diagnosis keys (the `exposures` table): no person, device or address is ever stored. */
export function createExposureRepository(db: Database) {
  return {
    /** The stored rows among these keys. */
    async findByKeys(keys: readonly Uint8Array[]): Promise<ExposureRecord[]> {
      if (keys.length === 0) return [];
      return db
        .select()
        .from(exposures)
        .where(inArray(exposures.exposureKey, [...keys]));
    },

    /** Inserts the rows whose key is not stored yet; returns how many were inserted. */
    async insertNew(rows: readonly NewExposure[]): Promise<number> {
      if (rows.length === 0) return 0;
      const inserted = await db
        .insert(exposures)
        .values([...rows])
        .onConflictDoNothing({ target: exposures.exposureKey })
        .returning({ exposureKey: exposures.exposureKey });
      return inserted.length;
    },

    /**
     * Records a revision of a key not revised before, if it still has `fromReportType`; false when
     * another request revised it first (exactly one concurrent revision wins).
     */
    async revise(key: Uint8Array, fromReportType: string, revision: ExposureRevision): Promise<boolean> {
      const rows = await db
        .update(exposures)
        .set(revision)
        .where(
          and(
            eq(exposures.exposureKey, key),
            eq(exposures.reportType, fromReportType),
            isNull(exposures.revisedAt),
          ),
        )
        .returning({ exposureKey: exposures.exposureKey });
      return rows.length === 1;
    },
  };
}

export type ExposureRepository = ReturnType<typeof createExposureRepository>;
