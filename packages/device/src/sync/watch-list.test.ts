import { randomBytes } from 'node:crypto';
import { type DiagnosisKey, type IntervalNumber, ReportType } from '@bluezone/protocol';
import { describe, expect, it } from 'vitest';
import { isDeviceError } from '../errors.js';
import { exportSigner } from '../testing/export-signer.fixture.js';
import { at, FakeClock } from '../testing/fake-clock.js';
import { MemoryAir } from '../testing/memory-air.js';
import { type MemoryPhone, memoryPhone } from '../testing/memory-phone.js';
import { MemoryHttp } from '../testing/memory-platform.js';
import { watchedSets } from './watch-list.js';

const { publicKeys, exportFile } = exportSigner();
const ROOT = 'http://server/v1/exports';

/** A case phone A, a watching phone B (its connection set by the test), and per-set export files. */
async function world() {
  const clock = new FakeClock(at('2026-11-02T08:00:00Z'));
  const air = new MemoryAir();
  const http = new MemoryHttp();
  const network = {
    kind: 'unmetered' as 'unmetered' | 'metered' | 'unknown',
    connection: () => network.kind,
  };
  const a = memoryPhone({ air, clock, http, seed: 1, exportPublicKeys: publicKeys });
  const b = memoryPhone({ air, clock, http, seed: 2, exportPublicKeys: publicKeys, network });
  await a.device.start();
  await b.device.start();
  for (let t = 0; t < 30; t += 5) {
    await a.device.tick();
    await b.device.tick();
    air.scan(b.radio, (s) => (s === a.radio ? -60 : undefined));
    clock.advanceSeconds(300);
  }
  await b.device.flush();
  clock.set(at('2026-11-03T10:00:00Z'));
  const indexes = new Map<string, string[]>();
  /** Lists a file of `region` (its header) in `set`'s index: A's keys plus `fake` padding keys. */
  const list = async (set: string, options: { region?: string; fake?: number; of?: MemoryPhone } = {}) => {
    const own = options.of === undefined ? [] : await options.of.device.ownKeys.all();
    const keys: DiagnosisKey[] = [
      ...own.map(({ key }) => ({ ...key, transmissionRiskLevel: 0, reportType: ReportType.CONFIRMED_TEST })),
      ...Array.from({ length: options.fake ?? 0 }, () => ({
        keyData: new Uint8Array(randomBytes(16)),
        rollingStartIntervalNumber: 2_946_000 as IntervalNumber,
        rollingPeriod: 144,
        transmissionRiskLevel: 0,
        reportType: ReportType.CONFIRMED_TEST,
      })),
    ];
    const paths = indexes.get(set) ?? [];
    const path = `${set}/${1000 + paths.length}-${1001 + paths.length}-00001.zip`;
    const zip = exportFile(options.region ?? set, keys, 1000 + paths.length);
    http.files.set(`${ROOT}/${path}`, zip);
    indexes.set(set, [...paths, path]);
    http.files.set(`${ROOT}/${set}/index.txt`, [...paths, path].join('\n'));
    return { path, bytes: zip.length };
  };
  /** Index and zip downloads of `set`. */
  const downloads = (set: string) =>
    http.log().filter((l) => l.startsWith(`GET ${ROOT}/${set}/`) && !l.endsWith('.json')).length;
  return { clock, http, network, a, b, list, downloads };
}

describe('the watch list', () => {
  it('watches the national set with no province or "all of Viet Nam", else home then added provinces', () => {
    expect(watchedSets({ added: [], nation: false }, 'VN')).toEqual(['VN']);
    expect(watchedSets({ home: 'VN-20', added: ['VN-HN', 'VN-20'], nation: false }, 'VN')).toEqual([
      'VN-20',
      'VN-HN',
    ]);
    expect(watchedSets({ home: 'VN-20', added: ['VN-HN'], nation: true }, 'VN')).toEqual(['VN']);
  });

  it('refuses malformed province codes and more than 10 added provinces', async () => {
    const { b } = await world();
    const bad = await b.device.setWatchList({ home: 'Thai Binh', added: [], nation: false }).catch((e) => e);
    expect(isDeviceError(bad, 'invalid_options')).toBe(true);
    const many = Array.from({ length: 11 }, (_, i) => `VN-${10 + i}`);
    const tooMany = await b.device.setWatchList({ added: many, nation: false }).catch((e) => e);
    expect(isDeviceError(tooMany, 'invalid_options')).toBe(true);
    expect(await b.device.watchList()).toEqual({ added: [], nation: false });
  });

  it('syncs each watched province, warns from one, and downloads nothing of an unwatched one', async () => {
    const w = await world();
    await w.b.device.setWatchList({ home: 'VN-20', added: ['VN-HN'], nation: false });
    await w.list('VN-20', { fake: 5 });
    await w.list('VN-HN', { of: w.a, fake: 3 });
    await w.list('VN-SG', { of: w.a });
    await w.list('VN', { of: w.a, fake: 8 });
    const outcome = await w.b.device.sync();
    expect(outcome.error).toBeUndefined();
    expect(outcome.report?.sets.map((s) => s.set)).toEqual(['VN-20', 'VN-HN']);
    expect(outcome.report?.processed).toEqual(['VN-20/1000-1001-00001.zip', 'VN-HN/1000-1001-00001.zip']);
    expect(outcome.warning).toMatchObject({ level: 'F1' });
    expect(w.downloads('VN-SG')).toBe(0);
    expect(w.downloads('VN')).toBe(0);
    // The risk configuration comes from the national set (absent here: the one in force stays).
    expect(w.http.log()).toContain(`GET ${ROOT}/VN/risk-configuration.json`);
  });

  it('refuses a file whose header region is not the set it was listed in', async () => {
    const w = await world();
    await w.b.device.setWatchList({ home: 'VN-20', added: [], nation: false });
    const { path } = await w.list('VN-20', { region: 'VN-HN', of: w.a });
    const outcome = await w.b.device.sync();
    expect(outcome.report?.rejected).toEqual([
      expect.objectContaining({ path, code: 'export_wrong_region' }),
    ]);
    expect(outcome.warning).toBeNull();
  });

  it('matches a key listed in two watched sets once, and counts it downloaded twice', async () => {
    const w = await world();
    await w.b.device.setWatchList({ home: 'VN-20', added: ['VN-HN'], nation: false });
    const first = await w.list('VN-20', { of: w.a, fake: 4 });
    const second = await w.list('VN-HN', { of: w.a, fake: 2 });
    const keys = (await w.a.device.ownKeys.all()).length;
    const outcome = await w.b.device.sync();
    expect(outcome.report?.duplicateKeys).toBe(keys);
    const [home, added] = outcome.report?.sets ?? [];
    expect(home?.report.matchedKeys).toBeGreaterThan(0);
    expect(added?.report).toMatchObject({ matchedKeys: 0, duplicateKeys: keys });
    expect(outcome.warning).toMatchObject({ level: 'F1' });
    const used = await w.b.device.dataUsed();
    expect(used.todayBytes).toBeGreaterThan(first.bytes + second.bytes);
    expect(used.weekBytes).toBe(used.todayBytes);
  });

  it('backfills an added province, and forgets a removed one so adding it again fetches it again', async () => {
    const w = await world();
    await w.b.device.setWatchList({ home: 'VN-20', added: [], nation: false });
    await w.list('VN-20');
    await w.list('VN-HN', { fake: 2 });
    await w.list('VN-HN', { fake: 3 });
    await w.b.device.sync();
    expect(w.downloads('VN-HN')).toBe(0);
    await w.b.device.setWatchList({ home: 'VN-20', added: ['VN-HN'], nation: false });
    const added = await w.b.device.sync();
    expect(added.report?.sets.find((s) => s.set === 'VN-HN')?.report.processed).toHaveLength(2);
    expect(await w.b.store.get('sync/processed/VN-HN')).toHaveLength(2);
    await w.b.device.setWatchList({ home: 'VN-20', added: [], nation: false });
    const removed = await w.b.device.sync();
    expect(removed.report?.forgotten).toEqual(['VN-HN']);
    expect(await w.b.store.get('sync/processed/VN-HN')).toBeUndefined();
    const zips = w.downloads('VN-HN');
    await w.b.device.setWatchList({ home: 'VN-20', added: ['VN-HN'], nation: true });
    expect(await w.b.device.watchedSets()).toEqual(['VN']);
    await w.b.device.setWatchList({ home: 'VN-20', added: ['VN-HN'], nation: false });
    await w.b.device.sync();
    expect(w.downloads('VN-HN') - zips).toBe(3);
  });

  it('stops at the mobile-data threshold, keeps what it did, waits for Wi-Fi, and resumes on it', async () => {
    const w = await world();
    await w.b.device.setWatchList({ home: 'VN-20', added: [], nation: false });
    const small = await w.list('VN-20', { fake: 10 });
    const large = await w.list('VN-20', { of: w.a, fake: 3000 });
    w.network.kind = 'unknown';
    await w.b.device.setDataSettings({ wifiOnly: true, thresholdBytes: small.bytes + 2000 });
    const mobile = await w.b.device.sync();
    expect(mobile.report?.processed).toEqual([small.path]);
    expect(mobile.report?.waitingForWifi).toMatchObject({ set: 'VN-20', path: large.path });
    expect(mobile.warning).toBeNull();
    const status = await w.b.device.status();
    expect(status.waitingForWifi).toMatchObject({ set: 'VN-20', thresholdBytes: small.bytes + 2000 });
    // Never more than the threshold on mobile data, and the waiting file is not counted as failed.
    expect((await w.b.device.dataUsed()).todayBytes).toBeLessThanOrEqual(small.bytes + 2000);
    expect(await w.b.store.get('sync/failed/VN-20')).toBeUndefined();
    w.network.kind = 'unmetered';
    const wifi = await w.b.device.sync();
    expect(wifi.report?.processed).toEqual([large.path]);
    expect(wifi.warning).toMatchObject({ level: 'F1' });
    expect((await w.b.device.status()).waitingForWifi).toBeNull();
    expect((await w.b.device.dataUsed()).todayBytes).toBeGreaterThan(large.bytes);
  });

  it('downloads everything on mobile data when the setting is off', async () => {
    const w = await world();
    await w.list('VN', { of: w.a, fake: 3000 });
    w.network.kind = 'metered';
    await w.b.device.setDataSettings({ wifiOnly: false, thresholdBytes: 1000 });
    const outcome = await w.b.device.sync();
    expect(outcome.report?.waitingForWifi).toBeUndefined();
    expect(outcome.warning).toMatchObject({ level: 'F1' });
  });
});
