import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import {
  type BlobInfo,
  type BlobStore,
  checkBlobPath,
  contentEtag,
  contentTypeOf,
  type StoredBlob,
} from './blob-store.js';

const TEMP_SUFFIX = '.tmp';

/**
 * Objects as files under `root`. A put writes a temporary file beside the target and renames it over
 * the target, so readers (and a crash) see the old file or the new one, never half of one. The
 * content type comes from the extension; cache headers are the distribution routes' job. ETags are
 * content hashes, remembered per file size and modification time.
 */
export function createFilesystemBlobStore(root: string): BlobStore {
  const etags = new Map<string, { size: number; mtimeMs: number; etag: string }>();
  const fileOf = (path: string) => join(root, ...checkBlobPath(path).split('/'));

  async function statOf(path: string) {
    try {
      const s = await stat(fileOf(path));
      return s.isFile() ? s : undefined;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  function remember(path: string, size: number, mtimeMs: number, body: Uint8Array): string {
    const etag = contentEtag(body);
    etags.set(path, { size, mtimeMs, etag });
    return etag;
  }

  async function get(path: string): Promise<StoredBlob | undefined> {
    const s = await statOf(path);
    if (!s) return undefined;
    let body: Uint8Array;
    try {
      body = new Uint8Array(await readFile(fileOf(path)));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    const cached = etags.get(path);
    const etag =
      cached && cached.size === body.length && cached.mtimeMs === s.mtimeMs && s.size === body.length
        ? cached.etag
        : remember(path, s.size, s.mtimeMs, body);
    return { body, size: body.length, etag, contentType: contentTypeOf(path) };
  }

  async function walk(dir: string): Promise<string[]> {
    let entries: import('node:fs').Dirent[];
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const found: string[] = [];
    for (const entry of entries) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) found.push(...(await walk(full)));
      else if (entry.isFile() && !entry.name.endsWith(TEMP_SUFFIX))
        found.push(relative(root, full).split(sep).join('/'));
    }
    return found;
  }

  return {
    async put(path, body) {
      const file = fileOf(path);
      await mkdir(dirname(file), { recursive: true });
      const temp = `${file}.${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`;
      try {
        await writeFile(temp, body, { flush: true });
        await rename(temp, file);
      } catch (error) {
        await rm(temp, { force: true });
        throw error;
      }
    },
    get,
    async head(path): Promise<BlobInfo | undefined> {
      const s = await statOf(path);
      if (!s) return undefined;
      const cached = etags.get(path);
      if (cached && cached.size === s.size && cached.mtimeMs === s.mtimeMs)
        return { size: s.size, etag: cached.etag, contentType: contentTypeOf(path) };
      const blob = await get(path);
      return blob && { size: blob.size, etag: blob.etag, contentType: blob.contentType };
    },
    async list(prefix) {
      return (await walk(root)).filter((p) => p.startsWith(prefix)).sort();
    },
    async delete(path) {
      await rm(fileOf(path), { force: true });
      etags.delete(path);
    },
  };
}
