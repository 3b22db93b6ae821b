import { generateKeyPairSync } from 'node:crypto';
import {
  buildExportFile,
  type DiagnosisKey,
  ECDSA_SHA256_OID,
  parsePrivateKeyPem,
  parsePublicKeyPem,
  ReportType,
  riskPreset,
} from '@bluezone/protocol';
import { describe, expect, it } from 'vitest';
import { at, FakeClock } from '../testing/fake-clock.js';
import { MemoryAir } from '../testing/memory-air.js';
import { type MemoryPhone, memoryPhone } from '../testing/memory-phone.js';
import { MemoryHttp } from '../testing/memory-platform.js';
import { FIRST_RETRY_MS } from './sync-state.js';

function signingPair() {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  return {
    signingKey: parsePrivateKeyPem(privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()),
    publicKey: parsePublicKeyPem(publicKey.export({ type: 'spki', format: 'pem' }).toString()),
  };
}

const trusted = signingPair();
const stranger = signingPair();
const signatureInfo = {
  verificationKeyId: '452',
  verificationKeyVersion: 'v1',
  signatureAlgorithm: ECDSA_SHA256_OID,
};
const EXPORTS = 'http://server/v1/exports/VN';

/** A world of phones on one air, one clock and one in-memory export server. */
function world(count: number) {
  const clock = new FakeClock(at('2026-11-02T08:00:00Z'));
  const air = new MemoryAir();
  const http = new MemoryHttp();
  const publicKeys = [{ keyId: '452', keyVersion: 'v1', publicKey: trusted.publicKey }];
  const phones = Array.from({ length: count }, (_, i) =>
    memoryPhone({ air, clock, http, seed: 100 + i, exportPublicKeys: publicKeys }),
  );
  const files: string[] = [];
  return {
    clock,
    air,
    http,
    phones,
    /** `minutes` of contact between `a` and `b` (both hear each other at `rssi`), scanning every 5 min. */
    async meet(a: MemoryPhone, b: MemoryPhone, minutes: number, rssi = -60) {
      for (let t = 0; t < minutes; t += 5) {
        for (const p of phones) await p.device.tick();
        air.scan(b.radio, (s) => (s === a.radio ? rssi : undefined));
        air.scan(a.radio, (s) => (s === b.radio ? rssi : undefined));
        clock.advanceSeconds(300);
      }
      for (const p of phones) await p.device.flush();
    },
    /** Publishes `phone`'s keys in a new export file with the given report type. */
    async publish(phone: MemoryPhone, reportType: ReportType, signingKey = trusted.signingKey) {
      const keys: DiagnosisKey[] = (await phone.device.ownKeys.all()).map(({ key }) => ({
        ...key,
        transmissionRiskLevel: 0,
        reportType,
      }));
      const name = `VN/${1000 + files.length}-${1001 + files.length}-00001.zip`;
      const zip = buildExportFile({
        startTimestamp: 1000,
        endTimestamp: 1001,
        region: 'VN',
        batchNum: 1,
        batchSize: 1,
        keys,
        signers: [{ signingKey, signatureInfo }],
      });
      files.push(name);
      http.files.set(`http://server/v1/exports/${name}`, zip);
      http.files.set(`${EXPORTS}/index.txt`, files.join('\n'));
      return name;
    },
    zipDownloads: () => http.log().filter((l) => l.endsWith('.zip')).length,
  };
}

describe('two phones: A advertises, B hears, A is published, B syncs', () => {
  it('warns B as F1 with the contact day, once, and downloads nothing new on a second sync', async () => {
    const w = world(2);
    const [a, b] = w.phones as [MemoryPhone, MemoryPhone];
    await a.device.start();
    await b.device.start();
    await w.meet(a, b, 30);
    expect((await b.device.status()).sightingsStored).toBeGreaterThanOrEqual(6);
    w.clock.set(at('2026-11-03T10:00:00Z'));
    await w.publish(a, ReportType.CONFIRMED_TEST);

    const first = await b.device.sync();
    expect(first.error).toBeUndefined();
    expect(first.report?.processed).toHaveLength(1);
    expect(first.warning).toMatchObject({
      level: 'F1',
      exposureDate: '2026-11-02',
      configuration: 'bluezone',
    });
    expect(first.warning?.days[0]).toMatchObject({ date: '2026-11-02', riskLevel: 'high' });
    expect(first.warning?.days[0]?.weightedMinutes).toBeGreaterThanOrEqual(15);
    expect(first.warning?.guidance.vi).toBeTruthy();
    expect(b.notifier.shown).toHaveLength(1);
    expect(b.notifier.shown[0]).toMatchObject({ level: 'F1', exposureDate: '2026-11-02' });
    expect(w.zipDownloads()).toBe(1);

    const second = await b.device.sync();
    expect(second.warning).toEqual(first.warning);
    expect(second.report?.processed).toEqual([]);
    expect(w.zipDownloads()).toBe(1);
    expect(b.notifier.shown).toHaveLength(1);
    const status = await b.device.status();
    expect(status.lastSuccessfulCheckMs).toBe(at('2026-11-03T10:00:00Z'));
    expect(status.lastError).toBeNull();
    // A phone that was not there is not warned.
    expect((await a.device.sync()).warning).toBeNull();
  });

  it("scores with the server's risk configuration, keeps it, and keeps the last valid one", async () => {
    const w = world(2);
    const [a, b] = w.phones as [MemoryPhone, MemoryPhone];
    await a.device.start();
    await b.device.start();
    await w.meet(a, b, 30);
    w.clock.set(at('2026-11-03T10:00:00Z'));
    await w.publish(a, ReportType.CONFIRMED_TEST);
    const served = structuredClone(riskPreset('bluezone')) as {
      name: string;
      guidance: { F1: { vi: string; en: string } };
    };
    served.name = 'vn-moh-2026-11';
    served.guidance.F1 = { vi: 'Cách ly 14 ngày, gọi 1900 9095.', en: 'Quarantine 14 days, call 1900 9095.' };
    w.http.files.set(`${EXPORTS}/risk-configuration.json`, JSON.stringify(served));
    const first = await b.device.sync();
    expect(first.warning).toMatchObject({ level: 'F1', configuration: 'vn-moh-2026-11' });
    expect(first.warning?.guidance).toEqual(served.guidance.F1);
    expect(b.device.risk.name).toBe('vn-moh-2026-11');
    // An invalid configuration is not taken; a phone restarted keeps the one it had.
    w.http.files.set(`${EXPORTS}/risk-configuration.json`, JSON.stringify({ ...served, name: 42 }));
    await b.device.sync();
    expect(b.device.risk.name).toBe('vn-moh-2026-11');
    const again = memoryPhone({
      air: w.air,
      clock: w.clock,
      http: new MemoryHttp(),
      seed: 101,
      exportPublicKeys: [],
      store: b.store,
    });
    await again.device.start();
    expect(again.device.risk.name).toBe('vn-moh-2026-11');
  });

  it('warns F2 for a RECURSIVE key, upgrades to F1 on a confirmed one, and never downgrades', async () => {
    const w = world(3);
    const [a, b, c] = w.phones as [MemoryPhone, MemoryPhone, MemoryPhone];
    for (const p of w.phones) await p.device.start();
    await w.meet(a, b, 30);
    w.clock.set(at('2026-11-03T12:00:00Z'));
    await w.meet(c, b, 30);
    w.clock.set(at('2026-11-04T10:00:00Z'));

    await w.publish(a, ReportType.RECURSIVE);
    const f2 = await b.device.sync();
    expect(f2.warning).toMatchObject({ level: 'F2', exposureDate: '2026-11-02' });
    await w.publish(c, ReportType.CONFIRMED_TEST);
    const f1 = await b.device.sync();
    expect(f1.warning).toMatchObject({ level: 'F1', exposureDate: '2026-11-03' });
    expect(b.notifier.shown.map((n) => n.level)).toEqual(['F2', 'F1']);

    // A later RECURSIVE file alone would say F2: the F1 stays.
    await w.publish(a, ReportType.RECURSIVE);
    const later = await b.device.sync();
    expect(later.warning).toEqual(f1.warning);
    expect(b.notifier.shown).toHaveLength(2);
  });

  it('rejects a file signed by an unknown key: no warning, the error recorded, retried after its back-off', async () => {
    const w = world(2);
    const [a, b] = w.phones as [MemoryPhone, MemoryPhone];
    for (const p of w.phones) await p.device.start();
    await w.meet(a, b, 30);
    w.clock.set(at('2026-11-03T10:00:00Z'));
    const path = await w.publish(a, ReportType.CONFIRMED_TEST, stranger.signingKey);
    const outcome = await b.device.sync();
    expect(outcome.warning).toBeNull();
    expect(outcome.report?.rejected).toEqual([
      expect.objectContaining({ path, code: 'export_signature_invalid' }),
    ]);
    expect(outcome.error?.code).toBe('export_signature_invalid');
    expect(b.notifier.shown).toEqual([]);
    expect((await b.device.status()).lastError?.code).toBe('export_signature_invalid');
    w.http.files.set(`http://server/v1/exports/${path}`, Uint8Array.of(1, 2, 3));
    // Not fetched again before its back-off, then tried again.
    expect((await b.device.sync()).report).toMatchObject({ rejected: [], waiting: 1 });
    w.clock.advanceSeconds(FIRST_RETRY_MS / 1000);
    expect((await b.device.sync()).report?.rejected[0]?.code).toBe('export_malformed');
  });

  it('records a network failure as the last error and keeps the warning state', async () => {
    const w = world(1);
    const [b] = w.phones as [MemoryPhone];
    await b.device.start();
    w.http.offline = true;
    const outcome = await b.device.sync();
    expect(outcome.error?.code).toBe('sync_network');
    expect(outcome.warning).toBeNull();
    const status = await b.device.status();
    expect(status.lastError?.code).toBe('sync_network');
    expect(status.lastSuccessfulCheckMs).toBeNull();
  });
});
