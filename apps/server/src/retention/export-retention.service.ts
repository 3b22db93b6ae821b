import type { BlobStore } from '../blobstore/blob-store.js';
import type { Database } from '../database/database.types.js';
import { createExportBatchRepository } from '../export/export-batch.repository.js';
import { rewriteExportIndex } from '../export/export-index.service.js';
import { createAuthorityRepository } from '../repositories/authority.repository.js';

/** `VN/1773129600-1773133200-00001.zip` → the window `1773129600-1773133200` and its end in ms. */
const ZIP = /^[^/]+\/(\d+)-(\d+)-\d{5}\.zip$/;

export interface ExportRetentionResult {
  exportBatches: number;
  exportFiles: number;
}

/**
 * Deletes export files whose every key is past retention: a file holds keys whose embargo ended in its
 * batch's window, and a key's embargo never ends before its rolling period, so once the batch ended
 * `BLUEZONE_KEY_RETENTION` ago all its keys have too. Crash-safe, and the index never lists a missing
 * file: (1) the batches' rows go (the latest batch of a region stays, the worker plans from it);
 * (2) the index is rewritten from the database, under the index lock the worker takes too; (3) only
 * then are zips deleted: every zip of the region that ended before the cutoff and has no batch row.
 * A crash between the steps leaves files that the next run (which always does 2 and 3) deletes.
 */
export function createExportRetention(db: Database, store: BlobStore) {
  const authorities = createAuthorityRepository(db);
  const batches = createExportBatchRepository(db);
  /** Every region that has a health authority or export batches. */
  const regions = async () => {
    const named = (await authorities.regions()).map((r) => r.region);
    return [...new Set([...named, ...(await batches.regions())])].sort();
  };
  return async function expireExports(cutoff: Date): Promise<ExportRetentionResult> {
    const result: ExportRetentionResult = { exportBatches: 0, exportFiles: 0 };
    for (const region of await regions()) {
      const deleted = await batches.deleteEndedBefore(region, cutoff);
      result.exportBatches += deleted.batches;
      const listed = await store.list(`${region}/`);
      if (listed.length === 0) continue;
      await rewriteExportIndex(batches, store, region);
      const windows = await batches.windows(region);
      for (const path of listed) {
        const match = ZIP.exec(path);
        if (!match || windows.has(`${match[1]}-${match[2]}`)) continue;
        if (Number(match[2]) * 1000 > cutoff.getTime()) continue;
        await store.delete(path);
        result.exportFiles++;
      }
    }
    return result;
  };
}
