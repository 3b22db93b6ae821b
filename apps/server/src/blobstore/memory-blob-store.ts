import {
  type BlobInfo,
  type BlobOptions,
  type BlobStore,
  checkBlobPath,
  contentEtag,
  type StoredBlob,
} from './blob-store.js';

/** A blob store in a Map, for tests. Bodies are copied in and out. */
export function createMemoryBlobStore(): BlobStore {
  const objects = new Map<string, StoredBlob>();
  const info = ({ body: _body, ...rest }: StoredBlob): BlobInfo => rest;
  return {
    async put(path: string, body: Uint8Array, options: BlobOptions) {
      const copy = Uint8Array.from(body);
      objects.set(checkBlobPath(path), {
        ...options,
        body: copy,
        size: copy.length,
        etag: contentEtag(copy),
      });
    },
    async get(path: string) {
      const blob = objects.get(checkBlobPath(path));
      return blob && { ...blob, body: Uint8Array.from(blob.body) };
    },
    async head(path: string) {
      const blob = objects.get(checkBlobPath(path));
      return blob && info(blob);
    },
    async list(prefix: string) {
      return [...objects.keys()].filter((p) => p.startsWith(prefix)).sort();
    },
    async delete(path: string) {
      objects.delete(checkBlobPath(path));
    },
  };
}
