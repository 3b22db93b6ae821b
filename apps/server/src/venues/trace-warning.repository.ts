import type { TraceTimeIntervalWarning } from '@bluezone/protocol';
import { and, arrayContains, asc, gte, lt, min } from 'drizzle-orm';
import type { Database } from '../database/database.types.js';
import { traceWarningCertificates, traceWarnings } from '../database/schema.js';
import { isUniqueViolation } from '../repositories/database-errors.js';

/** Hours since the epoch: the hour a warning was received in, and the hour of its package. */
export const hourOf = (at: Date): number => Math.floor(at.getTime() / 3_600_000);

/** A warning to store and the provinces whose sets publish it besides the national one. */
export interface PlacedWarning extends TraceTimeIntervalWarning {
  readonly provinces: readonly string[];
}

/**
 * Stored warnings: the hash, the window, the risk level, the hour received and the provinces it is
 * published for (fixed at insert, in the same statement), nothing else.
 */
export function createTraceWarningRepository(db: Database) {
  return {
    /**
     * Stores the warnings of one check-in upload, the certificate's hash first in the same transaction:
     * false (nothing stored) when the certificate was already used for check-ins.
     */
    async insertUpload(
      certificateHash: Uint8Array,
      expiresAt: Date,
      warnings: readonly PlacedWarning[],
      receivedHour: number,
    ): Promise<boolean> {
      try {
        await db.transaction(async (tx) => {
          await tx.insert(traceWarningCertificates).values({ certificateHash, expiresAt });
          if (warnings.length > 0)
            await tx.insert(traceWarnings).values(warnings.map((w) => row(w, receivedHour, 'upload')));
        });
        return true;
      } catch (error) {
        if (isUniqueViolation(error)) return false;
        throw error;
      }
    },

    /** Stores a case worker's warnings of a venue. */
    async insertVenueWarnings(warnings: readonly PlacedWarning[], receivedHour: number): Promise<void> {
      if (warnings.length > 0)
        await db.insert(traceWarnings).values(warnings.map((w) => row(w, receivedHour, 'venue')));
    },

    /**
     * The warnings received in `hours` hours from `hour` — every one, or those published for
     * `province` — in the order received (a package written again is the same).
     */
    async receivedIn(hour: number, hours = 1, province?: string): Promise<TraceTimeIntervalWarning[]> {
      const rows = await db
        .select()
        .from(traceWarnings)
        .where(
          and(
            gte(traceWarnings.receivedHour, hour),
            lt(traceWarnings.receivedHour, hour + hours),
            province === undefined ? undefined : arrayContains(traceWarnings.provinces, [province]),
          ),
        )
        .orderBy(asc(traceWarnings.id));
      return rows.map((r) => ({
        locationIdHash: r.locationIdHash,
        startIntervalNumber: r.startIntervalNumber,
        period: r.period,
        transmissionRiskLevel: r.transmissionRiskLevel,
      }));
    },

    /** The hour of the oldest stored warning; undefined when there is none. */
    async oldestHour(): Promise<number | undefined> {
      const [row] = await db.select({ hour: min(traceWarnings.receivedHour) }).from(traceWarnings);
      return row?.hour ?? undefined;
    },

    /** Retention: warnings received before `hour`, and certificates expired before `at`. */
    async deleteBefore(hour: number, at: Date): Promise<{ warnings: number; certificates: number }> {
      const warnings = await db
        .delete(traceWarnings)
        .where(lt(traceWarnings.receivedHour, hour))
        .returning({ id: traceWarnings.id });
      const certificates = await db
        .delete(traceWarningCertificates)
        .where(lt(traceWarningCertificates.expiresAt, at))
        .returning({ hash: traceWarningCertificates.certificateHash });
      return { warnings: warnings.length, certificates: certificates.length };
    },
  };
}

const row = (w: PlacedWarning, receivedHour: number, source: 'upload' | 'venue') => ({
  locationIdHash: w.locationIdHash,
  startIntervalNumber: w.startIntervalNumber,
  period: w.period,
  transmissionRiskLevel: w.transmissionRiskLevel,
  receivedHour,
  source,
  provinces: [...w.provinces],
});

export type TraceWarningRepository = ReturnType<typeof createTraceWarningRepository>;
