import type { BlobStore } from '../blobstore/blob-store.js';
import type { Database } from '../database/database.types.js';
import { createTraceWarningRepository, hourOf } from './trace-warning.repository.js';
import { rewriteTraceWarningIndex, TRACE_WARNING_RETENTION_HOURS } from './trace-warning-export.service.js';
import { createTraceWarningPackageRepository } from './trace-warning-package.repository.js';

const PACKAGE = /^trace-warnings\/([^/]+)\/trace-warnings-(\d+)\.zip$/;

export interface TraceWarningRetentionResult {
  traceWarnings: number;
  traceWarningPackages: number;
  traceWarningCertificates: number;
}

/**
 * Retention of check-in warnings (docs/checkin.md "Retention"): warnings and packages 14 days after the
 * hour they were received in, used certificates once expired. Crash-safe as the export's: the package
 * rows go first, then the index is rewritten, only then are zips deleted (the index never lists a
 * missing file; a crash leaves zips the next run deletes).
 */
export function createTraceWarningRetention(db: Database, store: BlobStore) {
  const warnings = createTraceWarningRepository(db);
  const packages = createTraceWarningPackageRepository(db);
  return async function expireTraceWarnings(now: Date): Promise<TraceWarningRetentionResult> {
    const cutoffHour = hourOf(now) - TRACE_WARNING_RETENTION_HOURS;
    const deleted = await warnings.deleteBefore(cutoffHour, now);
    let files = 0;
    for (const region of await packages.regions()) {
      await packages.deleteUpTo(region, cutoffHour - 1);
      await rewriteTraceWarningIndex(packages, store, region);
    }
    const kept = await packages.hours();
    for (const path of await store.list('trace-warnings/')) {
      const match = PACKAGE.exec(path);
      const hour = Number(match?.[2] ?? Number.NaN);
      if (hour < cutoffHour && !kept.has(`${match?.[1]}/${hour}`)) {
        await store.delete(path);
        files++;
      }
    }
    return {
      traceWarnings: deleted.warnings,
      traceWarningPackages: files,
      traceWarningCertificates: deleted.certificates,
    };
  };
}
