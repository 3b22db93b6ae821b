// Where export files and indexes live: one small interface, with filesystem (default), in-memory
// (tests) and S3-compatible implementations. Paths are relative ("VN/index.txt"), '/'-separated.

import { createHash } from 'node:crypto';

/** How an object is served: what a CDN or the distribution routes send along with it. */
export interface BlobOptions {
  readonly contentType: string;
  readonly cacheControl: string;
}

/** What `head` knows about an object without reading it. */
export interface BlobInfo {
  readonly size: number;
  /** A quoted strong ETag, e.g. `"ab12…"`. */
  readonly etag: string;
  readonly contentType: string;
  readonly cacheControl?: string | undefined;
}

export interface StoredBlob extends BlobInfo {
  readonly body: Uint8Array;
}

export interface BlobStore {
  /** Writes the whole object at once: a reader sees the old object or the new one, never a mix. */
  put(path: string, body: Uint8Array, options: BlobOptions): Promise<void>;
  /** The object, or undefined when there is none. */
  get(path: string): Promise<StoredBlob | undefined>;
  head(path: string): Promise<BlobInfo | undefined>;
  /** Paths starting with `prefix`, sorted. */
  list(prefix: string): Promise<string[]>;
  /** Removes the object; no error when it is absent. */
  delete(path: string): Promise<void>;
}

/** Object paths the stores accept: relative, no "..", no empty or hidden segments. */
const PATH = /^(?:[A-Za-z0-9_~-][A-Za-z0-9._~-]*\/)*[A-Za-z0-9_~-][A-Za-z0-9._~-]*$/;

export function checkBlobPath(path: string): string {
  if (path.length > 1024 || !PATH.test(path) || path.split('/').some((s) => s === '..')) {
    throw new Error(`not a valid blob path: ${JSON.stringify(path.slice(0, 80))}`);
  }
  return path;
}

/** The strong ETag the filesystem and memory stores give an object: its SHA-256, quoted. */
export function contentEtag(body: Uint8Array): string {
  return `"${createHash('sha256').update(body).digest('hex').slice(0, 32)}"`;
}

/** Content type from the file name, for stores that keep no metadata. */
export function contentTypeOf(path: string): string {
  if (path.endsWith('.zip')) return 'application/zip';
  if (path.endsWith('.txt')) return 'text/plain; charset=utf-8';
  if (path.endsWith('.json')) return 'application/json; charset=utf-8';
  return 'application/octet-stream';
}
