import { buildExportIndex } from '@bluezone/protocol';
import type { BlobStore } from '../blobstore/blob-store.js';
import type { ExportBatchRepository } from './export-batch.repository.js';
import { exportIndexPath, INDEX_CACHE_CONTROL } from './export-keys.js';

/**
 * Rewrites a region's index.txt from the database: the files of its complete batches, oldest first,
 * stopping at the first batch not yet complete (so a phone never finds an older file appearing before
 * one it has already seen). Idempotent: every pass rewrites it, so a crash after completing a batch
 * but before the index was written converges on the next pass. Returns the number of paths listed.
 */
export async function rewriteExportIndex(
  repository: ExportBatchRepository,
  store: BlobStore,
  region: string,
): Promise<number> {
  return repository.withIndexLock(region, async ({ batches, files }) => {
    const paths: string[] = [];
    for (const batch of batches) {
      if (batch.status !== 'complete') break;
      for (const file of files.filter((f) => f.batchId === batch.id)) paths.push(file.path);
    }
    const text = new TextEncoder().encode(buildExportIndex(paths));
    const current = await store.get(exportIndexPath(region));
    if (!current || Buffer.compare(current.body, text) !== 0)
      await store.put(exportIndexPath(region), text, {
        contentType: 'text/plain; charset=utf-8',
        cacheControl: INDEX_CACHE_CONTROL,
      });
    return paths.length;
  });
}
