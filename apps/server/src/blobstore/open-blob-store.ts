import { join } from 'node:path';
import type { Config } from '../config/config.types.js';
import type { BlobStore } from './blob-store.js';
import { createFilesystemBlobStore } from './filesystem-blob-store.js';
import { createS3BlobStore, parseS3Url } from './s3-blob-store.js';

/** Directory of the filesystem store inside the data directory. */
export const EXPORTS_DIR = 'exports';

/** The store `BLUEZONE_BLOB_URL` names, else files under `<data dir>/exports`. */
export function openBlobStore(config: Pick<Config, 'blobUrl' | 'dataDir'>): BlobStore {
  if (config.blobUrl) return createS3BlobStore(parseS3Url(config.blobUrl));
  return createFilesystemBlobStore(join(config.dataDir, EXPORTS_DIR));
}
