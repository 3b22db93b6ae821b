import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/load-config.js';
import type { BlobStore } from './blob-store.js';
import { createFilesystemBlobStore } from './filesystem-blob-store.js';
import { createMemoryBlobStore } from './memory-blob-store.js';
import { openBlobStore } from './open-blob-store.js';
import { parseS3Url } from './s3-blob-store.js';

const dirs: string[] = [];
const tempDir = (name: string) => {
  const dir = mkdtempSync(join(tmpdir(), `bz-${name}-`));
  dirs.push(dir);
  return dir;
};
let s3rver: S3rver;
let s3Url: string;

beforeAll(async () => {
  s3rver = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory: tempDir('s3rver'),
    configureBuckets: [{ name: 'exports' }],
  });
  const { port } = await s3rver.run();
  s3Url = `s3://exports/bluezone?endpoint=http://127.0.0.1:${port}&region=us-east-1`;
  process.env.AWS_ACCESS_KEY_ID ??= 'S3RVER';
  process.env.AWS_SECRET_ACCESS_KEY ??= 'S3RVER';
});
afterAll(async () => {
  await s3rver.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const ZIP = { contentType: 'application/zip', cacheControl: 'public, max-age=31536000, immutable' };
const stores: [string, () => BlobStore][] = [
  ['memory', createMemoryBlobStore],
  ['filesystem', () => createFilesystemBlobStore(tempDir('fs'))],
  ['S3 (s3rver on loopback)', () => openBlobStore(loadConfig({ BLUEZONE_BLOB_URL: s3Url }))],
];

describe.each(stores)('%s blob store', (_name, open) => {
  it('puts, gets, heads, lists by prefix and deletes', async () => {
    const store = open();
    const body = new Uint8Array([1, 2, 3, 4]);
    await store.put('VN/1-2-00001.zip', body, ZIP);
    await store.put('VN/index.txt', new TextEncoder().encode('VN/1-2-00001.zip'), {
      contentType: 'text/plain; charset=utf-8',
      cacheControl: 'public, max-age=300',
    });
    await store.put('VNX/other.zip', body, ZIP);
    const got = await store.get('VN/1-2-00001.zip');
    expect(got && [...got.body]).toEqual([1, 2, 3, 4]);
    expect(got?.contentType).toBe('application/zip');
    const head = await store.head('VN/1-2-00001.zip');
    expect(head).toMatchObject({ size: 4, etag: got?.etag });
    expect(head?.etag).toMatch(/^"[^"]+"$/);
    expect(await store.list('VN/')).toEqual(['VN/1-2-00001.zip', 'VN/index.txt']);
    await store.delete('VN/1-2-00001.zip');
    await store.delete('VN/absent.zip');
    expect(await store.get('VN/1-2-00001.zip')).toBeUndefined();
    expect(await store.head('VN/1-2-00001.zip')).toBeUndefined();
    expect(await store.list('VN/')).toEqual(['VN/index.txt']);
  });

  it('replaces an object whole, with a new ETag', async () => {
    const store = open();
    await store.put('VN/index.txt', new TextEncoder().encode('a.zip'), ZIP);
    const before = await store.head('VN/index.txt');
    await store.put('VN/index.txt', new TextEncoder().encode('a.zip\nb.zip'), ZIP);
    const after = await store.get('VN/index.txt');
    expect(new TextDecoder().decode(after?.body)).toBe('a.zip\nb.zip');
    expect(after?.etag).not.toBe(before?.etag);
  });

  it('refuses paths that climb out or are not relative', async () => {
    const store = open();
    for (const path of ['../secret.key', 'VN/../../x', '/etc/passwd', 'VN//x.zip', '', 'VN/.hidden'])
      await expect(store.put(path, new Uint8Array(1), ZIP), path).rejects.toThrow(/not a valid blob path/);
  });
});

describe('filesystem blob store', () => {
  it('leaves no temporary files behind', async () => {
    const root = tempDir('fs-atomic');
    const store = createFilesystemBlobStore(root);
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => store.put('VN/index.txt', new Uint8Array([i]), ZIP)),
    );
    expect(readdirSync(join(root, 'VN'))).toEqual(['index.txt']);
  });
});

describe('BLUEZONE_BLOB_URL', () => {
  it('names a bucket, a key prefix, an endpoint (path-style) and a region', () => {
    expect(parseS3Url('s3://bucket/exports?endpoint=http://127.0.0.1:9000&region=eu-west-1')).toEqual({
      bucket: 'bucket',
      prefix: 'exports/',
      client: { region: 'eu-west-1', endpoint: 'http://127.0.0.1:9000', forcePathStyle: true },
    });
    expect(parseS3Url('s3://bucket').prefix).toBe('');
    expect(() => loadConfig({ BLUEZONE_BLOB_URL: 'ftp://bucket' })).toThrow(/BLUEZONE_BLOB_URL/);
  });
});
