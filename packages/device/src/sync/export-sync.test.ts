import { createBluezoneClient, type HttpRequest } from '@bluezone/api';
import { buildExportIndex, riskPreset } from '@bluezone/protocol';
import { describe, expect, it } from 'vitest';
import { exportSigner } from '../testing/export-signer.fixture.js';
import { at } from '../testing/fake-clock.js';
import { MemoryHttp } from '../testing/memory-platform.js';
import { MemoryStore } from '../testing/memory-store.js';
import { type ExportSyncOptions, syncExports } from './export-sync.js';
import { ExposureStore } from './exposure-store.js';
import { FIRST_RETRY_MS } from './sync-state.js';

const { publicKeys, exportFile } = exportSigner();
const ROOT = 'http://server/v1/exports';
const emptyZip = exportFile('VN', []);
const NOW = at('2026-11-03T10:00:00Z');

/** An export server in memory with `count` listed files, a store that counts writes per key. */
function setup(count: number, route?: (request: HttpRequest) => Promise<undefined> | undefined) {
  const http = new MemoryHttp(route);
  const paths = Array.from({ length: count }, (_, i) => `VN/${1000 + i}-${1001 + i}-00001.zip`);
  http.files.set(`${ROOT}/VN/index.txt`, buildExportIndex(paths));
  for (const path of paths) http.files.set(`${ROOT}/${path}`, emptyZip);
  const store = new MemoryStore();
  const writes = new Map<string, number>();
  const set = store.set.bind(store);
  store.set = async (key, value) => {
    writes.set(key, (writes.get(key) ?? 0) + 1);
    return set(key, value);
  };
  const client = createBluezoneClient({
    transport: (r) => http.request(r),
    verificationUrl: 'http://server',
    deviceApiKey: 'k',
  });
  const options = (nowMs: number, extra: Partial<ExportSyncOptions> = {}): ExportSyncOptions => ({
    client,
    store,
    exposures: new ExposureStore(store),
    region: 'VN',
    publicKeys,
    rssiCorrection: 0,
    config: riskPreset('bluezone'),
    sightings: async () => [],
    nowMs,
    ...extra,
  });
  const zipDownloads = () => http.log().filter((l) => l.endsWith('.zip')).length;
  return { http, paths, store, writes, options, zipDownloads };
}

describe('syncExports', () => {
  it('writes the processed list once per pass, and nothing when nothing is new', async () => {
    const s = setup(40);
    const first = await syncExports(s.options(NOW));
    expect(first.processed).toHaveLength(40);
    expect(s.writes.get('sync/processed/VN')).toBe(1);
    expect(s.store.data.get('sync/processed/VN')).toEqual(s.paths);
    s.writes.clear();
    const second = await syncExports(s.options(NOW));
    expect(second.processed).toEqual([]);
    expect([...s.writes.keys()]).toEqual([]);
    expect(s.zipDownloads()).toBe(40);
  });

  it('syncs a 10,000-file index with nothing new without a single write or download', async () => {
    const s = setup(10_000);
    await s.store.set('sync/processed/VN', s.paths);
    s.writes.clear();
    const started = performance.now();
    const report = await syncExports(s.options(NOW));
    const ms = performance.now() - started;
    console.info(`sync of a 10,000-file index with nothing new: ${ms.toFixed(0)} ms`);
    expect(report).toMatchObject({ listed: 10_000, processed: [], rejected: [], waiting: 0 });
    expect(s.writes.size).toBe(0);
    expect(s.zipDownloads()).toBe(0);
  });

  it('remembers a failed file and fetches it again only after its back-off, doubling each time', async () => {
    const s = setup(3);
    const [, broken] = s.paths as [string, string, string];
    s.http.files.set(`${ROOT}/${broken}`, Uint8Array.of(1, 2, 3));
    const first = await syncExports(s.options(NOW));
    expect(first.processed).toHaveLength(2);
    expect(first.rejected).toEqual([expect.objectContaining({ path: broken, code: 'export_malformed' })]);
    expect(s.store.data.get('sync/failed/VN')).toEqual({
      [broken]: { code: 'export_malformed', failures: 1, retryAtMs: NOW + FIRST_RETRY_MS },
    });
    const again = await syncExports(s.options(NOW + FIRST_RETRY_MS - 1));
    expect(again).toMatchObject({ processed: [], rejected: [], waiting: 1 });
    expect(s.zipDownloads()).toBe(3);
    const retried = await syncExports(s.options(NOW + FIRST_RETRY_MS));
    expect(retried.rejected).toHaveLength(1);
    expect(s.zipDownloads()).toBe(4);
    expect(s.store.data.get('sync/failed/VN')).toMatchObject({
      [broken]: { failures: 2, retryAtMs: NOW + 3 * FIRST_RETRY_MS },
    });
    s.http.files.set(`${ROOT}/${broken}`, emptyZip);
    const fixed = await syncExports(s.options(NOW + 3 * FIRST_RETRY_MS));
    expect(fixed.processed).toEqual([broken]);
    expect(s.store.data.has('sync/failed/VN')).toBe(false);
  });

  it('gives each file its own time limit: a file that never answers is skipped, the rest processed', async () => {
    const s = setup(4);
    const slow = s.paths[1] as string;
    s.http.files.delete(`${ROOT}/${slow}`);
    const never = new Promise<undefined>(() => undefined);
    const stuck = setup(0, (r) => (r.url.endsWith(slow) ? never : undefined));
    for (const [url, body] of s.http.files) stuck.http.files.set(url, body);
    const report = await syncExports(stuck.options(NOW, { fileTimeoutMs: 50 }));
    expect(report.processed).toEqual(s.paths.filter((p) => p !== slow));
    expect(report.rejected).toEqual([
      expect.objectContaining({ path: slow, code: 'export_download_timeout' }),
    ]);
    expect(stuck.store.data.get('sync/failed/VN')).toMatchObject({
      [slow]: { code: 'export_download_timeout' },
    });
  });

  it('refuses a zip over 32 MiB and an index over 1 MiB, keeping the state it had', async () => {
    const s = setup(3);
    const big = s.paths[2] as string;
    s.http.files.set(`${ROOT}/${big}`, new Uint8Array(32 * 1024 * 1024 + 1));
    const first = await syncExports(s.options(NOW));
    expect(first.processed).toEqual(s.paths.slice(0, 2));
    expect(first.rejected).toEqual([expect.objectContaining({ path: big, code: 'export_too_large' })]);
    const state = structuredClone(Object.fromEntries(s.store.data));
    const longPath = `VN/${'1'.repeat(1000)}.zip`;
    const lines = Array.from(
      { length: 1100 },
      (_, i) => `${longPath.slice(0, -8)}${String(i).padStart(4, '0')}.zip`,
    );
    s.http.files.set(`${ROOT}/VN/index.txt`, lines.join('\n'));
    s.writes.clear();
    await expect(syncExports(s.options(NOW + 2 * FIRST_RETRY_MS))).rejects.toMatchObject({
      code: 'response_too_large',
    });
    expect(s.writes.size).toBe(0);
    expect(Object.fromEntries(s.store.data)).toEqual(state);
  });

  it('considers only the newest paths of an index longer than the bound', async () => {
    const s = setup(30);
    const report = await syncExports(s.options(NOW, { maxIndexFiles: 10 }));
    expect(report).toMatchObject({ listed: 30, ignored: 20 });
    expect(report.processed).toEqual(s.paths.slice(20));
  });

  it('keeps what a pass processed when the network drops in the middle', async () => {
    const s = setup(5);
    let served = 0;
    const request = s.http.request.bind(s.http);
    s.http.request = async (r) => {
      if (r.url.endsWith('.zip') && ++served > 2) throw new Error('network unreachable');
      return request(r);
    };
    await expect(syncExports(s.options(NOW))).rejects.toMatchObject({ name: 'NetworkError' });
    expect(s.store.data.get('sync/processed/VN')).toEqual(s.paths.slice(0, 2));
    expect(s.writes.get('sync/processed/VN')).toBe(1);
  });
});
