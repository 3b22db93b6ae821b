import { buildExportIndex, buildTraceWarningFile, readEventUrl } from '@bluezone/protocol';
import { describe, expect, it } from 'vitest';
import { exportSigner } from '../testing/export-signer.fixture.js';
import { at, FakeClock } from '../testing/fake-clock.js';
import { MemoryAir } from '../testing/memory-air.js';
import { memoryPhone } from '../testing/memory-phone.js';
import { MemoryHttp } from '../testing/memory-platform.js';
import { testVenueUrl } from '../testing/venue-codes.js';

// Venue warnings by province (docs/decisions/0020): the phone fetches the trace warning packages of
// the sets it watches for keys, matches a warning carried by two of them once, counts every byte in
// the data used, spends only what the key download left of the mobile-data budget, and does not fetch
// a package again on the next sync.

const { signingKey, signatureInfo, publicKeys } = exportSigner();
const ROOT = 'http://server/v1/trace-warnings';
const MARKET = testVenueUrl('https://server', { description: 'Chợ Bo', address: 'Thái Bình', seed: 3 });
const hash = readEventUrl(MARKET, { hosts: ['server'] }).locationIdHash;

async function world() {
  const clock = new FakeClock(at('2026-11-03T08:00:00Z'));
  const http = new MemoryHttp();
  const network = { kind: 'unmetered' as 'unmetered' | 'metered', connection: () => network.kind };
  const phone = memoryPhone({
    air: new MemoryAir(),
    clock,
    http,
    seed: 4,
    exportPublicKeys: publicKeys,
    network,
  });
  await phone.device.start();
  await phone.device.checkIns.checkIn(MARKET, 60);
  clock.set(at('2026-11-03T12:00:00Z'));
  // Every set's key index is empty: only trace warnings are downloaded.
  for (const set of ['VN', 'VN-20', 'VN-HN', 'VN-SG'])
    http.files.set(`http://server/v1/exports/${set}/index.txt`, '');
  /** Publishes one package in `set` with the market's warning (when `warn`) and `fake` others. */
  const publish = (set: string, hour: number, options: { warn?: boolean; fake?: number } = {}) => {
    const start = Math.floor(at('2026-11-03T08:00:00Z') / 600_000);
    const warnings = [
      ...(options.warn
        ? [{ locationIdHash: hash, startIntervalNumber: start, period: 6, transmissionRiskLevel: 6 }]
        : []),
      ...Array.from({ length: options.fake ?? 0 }, (_, i) => ({
        locationIdHash: new Uint8Array(32).fill(i + 1),
        startIntervalNumber: start,
        period: 6,
        transmissionRiskLevel: 3,
      })),
    ];
    const path = `${set}/trace-warnings-${hour}.zip`;
    const zip = buildTraceWarningFile({ intervalNumber: hour, region: set, warnings }, [
      { signingKey, signatureInfo },
    ]);
    http.files.set(`${ROOT}/${path}`, zip);
    const index = (http.files.get(`${ROOT}/${set}/index.txt`) as string | undefined) ?? '';
    http.files.set(
      `${ROOT}/${set}/index.txt`,
      buildExportIndex([...index.split('\n').filter(Boolean), path]),
    );
    return zip.length;
  };
  const fetched = (set: string) => http.log().filter((l) => l.startsWith(`GET ${ROOT}/${set}/`));
  return { clock, http, network, phone, publish, fetched };
}

describe('trace warnings of the watched sets', () => {
  it('fetches the watched provinces only, warns once for a warning in two sets, counts the bytes, fetches nothing twice', async () => {
    const w = await world();
    await w.phone.device.setWatchList({ home: 'VN-20', added: ['VN-HN'], nation: false });
    const bytes =
      w.publish('VN-20', 490_000, { warn: true, fake: 30 }) + w.publish('VN-HN', 490_000, { warn: true });
    w.publish('VN-SG', 490_000, { fake: 5 });
    w.publish('VN', 490_000, { warn: true });
    await w.phone.device.sync();
    expect(await w.phone.device.checkIns.venueWarnings()).toHaveLength(1);
    expect(w.phone.notifier.shown.filter((n) => n.level === 'venue')).toHaveLength(1);
    expect(w.fetched('VN-SG')).toEqual([]);
    expect(w.fetched('VN')).toEqual([]);
    expect(w.fetched('VN-20')).toHaveLength(2);
    expect(w.fetched('VN-HN')).toHaveLength(2);
    const indexes = ['VN-20', 'VN-HN'].reduce(
      (n, set) => n + String(w.http.files.get(`${ROOT}/${set}/index.txt`)).length,
      0,
    );
    expect((await w.phone.device.dataUsed()).todayBytes).toBe(bytes + indexes);

    // The next sync reads the indexes again and no package (the key sync keeps the lists it does not own).
    w.http.requests.splice(0);
    await w.phone.device.sync();
    expect(w.fetched('VN-20')).toEqual([`GET ${ROOT}/VN-20/index.txt`]);
    expect(w.fetched('VN-HN')).toEqual([`GET ${ROOT}/VN-HN/index.txt`]);

    // Removing a province forgets its list: added again, its packages are fetched again.
    await w.phone.device.setWatchList({ home: 'VN-20', added: [], nation: false });
    await w.phone.device.sync();
    await w.phone.device.setWatchList({ home: 'VN-20', added: ['VN-HN'], nation: false });
    w.http.requests.splice(0);
    await w.phone.device.sync();
    expect(w.fetched('VN-HN')).toHaveLength(2);
    expect(await w.phone.device.checkIns.venueWarnings()).toHaveLength(1);
  });

  it('a phone with no province watches the national set', async () => {
    const w = await world();
    w.publish('VN', 490_000, { warn: true });
    w.publish('VN-20', 490_000, { warn: true });
    await w.phone.device.sync();
    expect(w.fetched('VN')).toHaveLength(2);
    expect(w.fetched('VN-20')).toEqual([]);
    expect(await w.phone.device.checkIns.venueWarnings()).toHaveLength(1);
  });

  it('on mobile data spends no more than the threshold: a package that does not fit waits for Wi-Fi', async () => {
    const w = await world();
    await w.phone.device.setWatchList({ home: 'VN-20', added: [], nation: false });
    const size = w.publish('VN-20', 490_000, { warn: true, fake: 400 });
    w.network.kind = 'metered';
    await w.phone.device.setDataSettings({ wifiOnly: true, thresholdBytes: 1_000 });
    await w.phone.device.sync();
    expect(await w.phone.device.checkIns.venueWarnings()).toEqual([]);
    expect((await w.phone.device.dataUsed()).todayBytes).toBeLessThanOrEqual(1_000);
    w.network.kind = 'unmetered';
    await w.phone.device.sync();
    expect(await w.phone.device.checkIns.venueWarnings()).toHaveLength(1);
    expect((await w.phone.device.dataUsed()).todayBytes).toBeGreaterThan(size);
  });
});
