import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fetchTransport } from '@bluezone/api';
import type { BluezoneDevice } from '@bluezone/device';
import { MemoryAir, type MemoryPhone, memoryPhone } from '@bluezone/device/testing';
import {
  deriveRollingProximityIdentifierKey,
  deriveRollingProximityIdentifiers,
  type IntervalNumber,
  parseExportIndex,
  parsePublicKeyPem,
  ReportType,
  readExportFile,
} from '@bluezone/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initHealthAuthority } from '../app/admin-init.service.js';
import { type App, createApp } from '../app/create-app.js';
import { loadConfig } from '../config/load-config.js';
import { createLogger } from '../http/logger.js';
import { forEachDatabase } from '../testing/test-databases.js';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

/** One time for the server (Date) and the phones (ms). */
class SharedClock {
  constructor(public ms: number) {}
  now = () => new Date(this.ms);
  nowMs = () => this.ms;
  set = (iso: string) => {
    this.ms = Date.parse(iso);
  };
}

/** Everything over real HTTP on loopback: the phones' client, the admin API, the downloads. */
forEachDatabase((database) => {
  const clock = new SharedClock(Date.parse('2026-11-02T08:00:00Z'));
  const air = new MemoryAir();
  let app: App;
  let base: string;
  let dataDir: string;
  let adminKey: string;
  let phones: { a: MemoryPhone; b: MemoryPhone; c: MemoryPhone };

  const http = { request: fetchTransport(fetch, { timeoutSignal: (ms) => AbortSignal.timeout(ms) }) };
  const get = (path: string) => fetch(`${base}${path}`);
  const issue = async (body: Record<string, unknown>) => {
    const response = await fetch(`${base}/api/issue`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': adminKey },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(200);
    return ((await response.json()) as { code: string }).code;
  };
  /** `minutes` of contact: both phones scan every 5 minutes and hear each other at -60 dBm. */
  const meet = async (x: MemoryPhone, y: MemoryPhone, minutes: number) => {
    const all = Object.values(phones);
    for (let t = 0; t < minutes; t += 5) {
      for (const p of all) await p.device.tick();
      air.scan(y.radio, (s) => (s === x.radio ? -60 : undefined));
      air.scan(x.radio, (s) => (s === y.radio ? -60 : undefined));
      clock.ms += 300_000;
    }
    for (const p of all) await p.device.flush();
  };
  const upload = async (device: BluezoneDevice, code: string, exposureDate?: string) => {
    const prepared = await device.prepareUpload(code, exposureDate ? { exposureDate } : {});
    return { prepared, result: await device.confirmUpload(prepared) };
  };
  const download = async () => {
    const keys = (await (await get('/v1/exports/VN/keys.json')).json()) as {
      keyId: string;
      keyVersion: string;
      publicKeyPem: string;
    }[];
    const trusted = keys.map((k) => ({ ...k, publicKey: parsePublicKeyPem(k.publicKeyPem) }));
    const index = await get('/v1/exports/VN/index.txt');
    expect(index.status).toBe(200);
    const paths = parseExportIndex(await index.text());
    const files = [];
    for (const path of paths) {
      const zip = await get(`/v1/exports/${path}`);
      expect(zip.status).toBe(200);
      expect(zip.headers.get('cache-control')).toMatch(/immutable/);
      files.push(readExportFile(new Uint8Array(await zip.arrayBuffer()), { publicKeys: trusted }));
    }
    return files;
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'bz-e2e-'));
    const config = loadConfig({ BLUEZONE_DATA_DIR: dataDir, BLUEZONE_LOG_LEVEL: 'warn' });
    app = await createApp(config, {
      clock,
      location: await database.location(),
      secret: new Uint8Array(32).fill(9),
      logger: createLogger('warn'),
    });
    base = await app.server.listen({ port: 0, host: '127.0.0.1' });
    const authority = await initHealthAuthority(app.core, 'VN');
    adminKey = authority.adminApiKey as string;
    const exportPublicKeys = [
      {
        keyId: authority.exportSigning.keyId,
        keyVersion: authority.exportSigning.keyVersion,
        publicKey: parsePublicKeyPem(authority.exportSigning.publicKeyPem),
      },
    ];
    const phone = (seed: number) =>
      memoryPhone({
        air,
        clock,
        http,
        seed,
        exportPublicKeys,
        healthAuthorityId: authority.healthAuthorityId,
        server: { verificationUrl: base, deviceApiKey: authority.deviceApiKey as string },
      });
    phones = { a: phone(1), b: phone(2), c: phone(3) };
    for (const p of Object.values(phones)) await p.device.start();
  });
  afterAll(async () => {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  describe('issue → verify → certificate → publish → export → download → match, over HTTP', () => {
    it('warns the contact of a confirmed case as F1, with keys that derive the identifiers heard', async () => {
      const { a, b, c } = phones;
      await meet(a, b, 30); // 2 Nov 08:00, A and B
      clock.set('2026-11-03T08:00:00Z');
      await meet(b, c, 30); // 3 Nov 08:00, B and C

      clock.set('2026-11-03T10:00:00Z');
      const code = await issue({ testType: 'confirmed', symptomDate: '2026-11-02', tzOffset: 420 });
      const { prepared, result } = await upload(a.device, code);
      expect(prepared).toMatchObject({ testType: 'confirmed', days: ['2026-11-02', '2026-11-03'] });
      expect(result).toMatchObject({ insertedExposures: 2, keyCount: 2 });

      clock.set('2026-11-03T12:30:00Z');
      expect((await app.runExportPass()).keys).toBe(1); // today's key is embargoed
      const files = await download();
      expect(files).toHaveLength(1);
      const file = files[0];
      expect(file?.signatures).toEqual([expect.objectContaining({ valid: true })]);
      const [yesterday] = await a.device.ownKeys.all();
      const exported = file?.keys.find(
        (k) => hex(k.keyData) === hex(yesterday?.key.keyData ?? new Uint8Array()),
      );
      expect(exported).toMatchObject({ reportType: ReportType.CONFIRMED_TEST, rollingPeriod: 144 });
      // The exported key derives exactly the identifiers A advertised that day.
      const rpis = new Set(
        deriveRollingProximityIdentifiers(
          deriveRollingProximityIdentifierKey(exported?.keyData ?? new Uint8Array()),
          exported?.rollingStartIntervalNumber as IntervalNumber,
          144,
        ).map(hex),
      );
      const advertisedOnDay = a.radio.advertised.filter((ad) => rpis.has(hex(ad.rpi)));
      expect(advertisedOnDay.length).toBeGreaterThanOrEqual(2);

      const warned = await b.device.sync();
      expect(warned.error).toBeUndefined();
      expect(warned.warning).toMatchObject({ level: 'F1', exposureDate: '2026-11-02' });
      expect((await c.device.sync()).warning).toBeNull();
    });

    it('publishes a warned contact with a recursive code as RECURSIVE keys, and warns their contact as F2', async () => {
      const { b, c } = phones;
      clock.set('2026-11-03T13:00:00Z');
      const code = await issue({ testType: 'recursive', testDate: '2026-11-03', tzOffset: 420 });
      const { prepared } = await upload(b.device, code, '2026-11-02');
      expect(prepared).toMatchObject({ testType: 'recursive', days: ['2026-11-02', '2026-11-03'] });

      clock.set('2026-11-04T02:00:00Z'); // B's key of 3 Nov is no longer valid: its embargo is over
      await app.runExportPass();
      const files = await download();
      const ownHex = new Set((await b.device.ownKeys.all()).map(({ key }) => hex(key.keyData)));
      const published = files.flatMap((f) => f.keys).filter((k) => ownHex.has(hex(k.keyData)));
      expect(published.map((k) => k.reportType)).toEqual([ReportType.RECURSIVE, ReportType.RECURSIVE]);

      const warned = await c.device.sync();
      expect(warned.warning).toMatchObject({ level: 'F2', exposureDate: '2026-11-03' });
      // Syncing again downloads nothing new and keeps the warning.
      expect((await c.device.sync()).warning).toEqual(warned.warning);
    });
  });
});
