import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { computeTekmac, parseExportIndex, parsePublicKeyPem, readExportFile } from '@bluezone/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initHealthAuthority } from '../app/admin-init.service.js';
import { type App, createApp } from '../app/create-app.js';
import { configuredAreas } from '../areas/area-codes.js';
import { ManualClock } from '../clock.js';
import { loadConfig } from '../config/load-config.js';
import { createLogger } from '../http/logger.js';
import { forEachDatabase } from '../testing/test-databases.js';

// Issue 17's routing check by an independent client: plain fetch over loopback and packages/protocol to
// read and verify the files, nothing of the server's code. A key published with home VN-20 (Thái Bình)
// and visited VN-HN (Hà Nội) is in the VN-20, VN-HN and VN sets after the next export and in no other.

const SETS = ['VN', ...configuredAreas().provinces.map((p) => p.code)];
const DAY_INTERVALS = 144;
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

forEachDatabase((database) => {
  const clock = new ManualClock('2026-11-03T10:00:00Z');
  let app: App;
  let base: string;
  let dataDir: string;
  let keys: { adminApiKey: string; deviceApiKey: string; healthAuthorityId: string };

  const post = async (path: string, body: unknown, apiKey?: string) => {
    const response = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(apiKey ? { 'x-api-key': apiKey } : {}) },
      body: JSON.stringify(body),
    });
    return { status: response.status, json: (await response.json()) as Record<string, unknown> };
  };

  /** Two past full-day keys, as a phone holds them. */
  const pastKeys = () => {
    const today = Math.floor(clock.now().getTime() / 600_000 / DAY_INTERVALS) * DAY_INTERVALS;
    return [2, 1].map((daysAgo) => ({
      key: randomBytes(16).toString('base64'),
      rollingStartNumber: today - daysAgo * DAY_INTERVALS,
      rollingPeriod: DAY_INTERVALS,
      transmissionRisk: 0,
    }));
  };

  /** issue (with `province`, if any) → verify → certificate over `tek`, all over HTTP. */
  const certificate = async (tek: ReturnType<typeof pastKeys>, province?: string) => {
    const issued = await post(
      '/api/issue',
      { testType: 'confirmed', symptomDate: '2026-11-01', ...(province ? { province } : {}) },
      keys.adminApiKey,
    );
    expect(issued.status).toBe(200);
    const verified = await post('/api/verify', { code: issued.json.code }, keys.deviceApiKey);
    expect(verified.status).toBe(200);
    const hmacKey = randomBytes(32);
    const cert = await post(
      '/api/certificate',
      { token: verified.json.token, ekeyhmac: computeTekmac(hmacKey, tek) },
      keys.deviceApiKey,
    );
    expect(cert.status).toBe(200);
    return {
      temporaryExposureKeys: tek,
      healthAuthorityID: keys.healthAuthorityId,
      verificationPayload: cert.json.certificate as string,
      hmacKey: hmacKey.toString('base64'),
    };
  };

  /** The sets each key is in (original keys), reading every set's index and files as a phone does. */
  const setsHolding = async (wanted: readonly string[]): Promise<Map<string, string[]>> => {
    const json = await (await fetch(`${base}/v1/exports/VN/keys.json`)).json();
    const trusted = (json as { keyId: string; keyVersion: string; publicKeyPem: string }[]).map((k) => ({
      keyId: k.keyId,
      keyVersion: k.keyVersion,
      publicKey: parsePublicKeyPem(k.publicKeyPem),
    }));
    const found = new Map<string, string[]>(wanted.map((k) => [k, []]));
    for (const set of SETS) {
      const index = await fetch(`${base}/v1/exports/${set}/index.txt`);
      expect(index.status, set).toBe(200);
      for (const path of parseExportIndex(await index.text())) {
        expect(path.startsWith(`${set}/`)).toBe(true);
        const zip = await fetch(`${base}/v1/exports/${path}`);
        expect(zip.headers.get('cache-control')).toMatch(/immutable/);
        const file = readExportFile(new Uint8Array(await zip.arrayBuffer()), { publicKeys: trusted });
        expect(file.header.region).toBe(set);
        for (const key of file.keys) found.get(hex(key.keyData))?.push(set);
      }
    }
    for (const list of found.values()) list.sort();
    return found;
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'bz-e2e-provinces-'));
    const config = loadConfig({ BLUEZONE_DATA_DIR: dataDir, BLUEZONE_LOG_LEVEL: 'warn' });
    app = await createApp(config, {
      clock,
      location: await database.location(),
      secret: new Uint8Array(32).fill(7),
      logger: createLogger('warn'),
    });
    base = await app.server.listen({ port: 0, host: '127.0.0.1' });
    const authority = await initHealthAuthority(app.core, 'VN');
    keys = {
      adminApiKey: authority.adminApiKey as string,
      deviceApiKey: authority.deviceApiKey as string,
      healthAuthorityId: authority.healthAuthorityId,
    };
  });
  afterAll(async () => {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  describe('province routing, checked by an independent client', () => {
    it('home VN-20 + visited VN-HN: in VN-20, VN-HN and VN only; bad codes store nothing; GAEN publishes still work', async () => {
      const routed = pastKeys();
      const request = await certificate(routed, 'VN-20');
      for (const visitedProvinces of [
        ['VN-99'],
        ['vn-hn'],
        ['VN-HN', 'Hanoi'],
        'VN-HN',
        Array(11).fill('VN-HN'),
      ]) {
        const refused = await post('/v1/publish', { ...request, visitedProvinces });
        expect(refused.status, JSON.stringify(visitedProvinces)).toBe(400);
      }
      // Nothing was stored by the refused requests: the same keys are new to the accepted one.
      const accepted = await post('/v1/publish', { ...request, visitedProvinces: ['VN-HN'] });
      expect(accepted.status).toBe(200);
      expect(accepted.json.insertedExposures).toBe(2);

      const plain = pastKeys();
      const gaen = await post('/v1/publish', await certificate(plain));
      expect(gaen.status).toBe(200);
      expect(gaen.json.insertedExposures).toBe(2);

      clock.advance(15.5 * 3_600_000); // 4 Nov 01:30: the daily province windows of 3 Nov have settled
      await app.runExportPass();
      const sets = await setsHolding([...routed, ...plain].map((k) => hex(Buffer.from(k.key, 'base64'))));
      for (const k of routed)
        expect(sets.get(hex(Buffer.from(k.key, 'base64')))).toEqual(['VN', 'VN-20', 'VN-HN']);
      for (const k of plain) expect(sets.get(hex(Buffer.from(k.key, 'base64')))).toEqual(['VN']);
    });
  });
});
