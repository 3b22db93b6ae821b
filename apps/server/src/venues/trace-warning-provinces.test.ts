import {
  fromHex,
  parseExportIndex,
  parsePublicKeyPem,
  readTraceWarningFile,
  toBase64,
  toHex,
} from '@bluezone/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certificateFor, pastKeys } from '../testing/publish-test-kit.js';
import type { TestApp } from '../testing/test-app.js';
import { market, startVenueTestApp, type VenueTestApp, type VenueView } from '../testing/venue-test-app.js';

// Trace warning packages by province (docs/decisions/0020), read as a phone reads them: a case
// worker's warning of a Thái Bình venue is in the VN-20 and VN sets only; an uploaded warning of a
// registered venue goes to the venue's province whatever the case's home province; one of a venue
// this server does not know goes to the case's home province; without either, national only.

const HOUR = 3_600_000;
let v: VenueTestApp;
let t: TestApp;

beforeAll(async () => {
  v = await startVenueTestApp();
  t = v.t;
}, 120_000);
afterAll(() => t.app.close());

/** Every warning's location ID hash (hex) in a set's packages, checked as a phone checks them. */
async function hashesIn(set: string): Promise<string[]> {
  const keys = (await t.app.server.inject({ url: '/v1/exports/VN/keys.json' })).json() as {
    keyId: string;
    keyVersion: string;
    publicKeyPem: string;
  }[];
  const trusted = keys.map((k) => ({ ...k, publicKey: parsePublicKeyPem(k.publicKeyPem) }));
  const index = await t.app.server.inject({ url: `/v1/trace-warnings/${set}/index.txt` });
  expect(index.statusCode).toBe(200);
  const hashes: string[] = [];
  for (const path of parseExportIndex(index.body)) {
    expect(path.startsWith(`${set}/`)).toBe(true);
    const zip = await t.app.server.inject({ url: `/v1/trace-warnings/${path}` });
    const file = readTraceWarningFile(new Uint8Array(zip.rawPayload), trusted);
    expect(file.region).toBe(set);
    expect(file.signatures.some((s) => s.valid)).toBe(true);
    hashes.push(...file.warnings.map((w) => toHex(w.locationIdHash)));
  }
  return hashes;
}

describe('trace warning packages by province', () => {
  it('publishes each warning in the national set and in its province set only', async () => {
    const venue = (await v.create(v.officer, market)).json as unknown as VenueView;
    // A case worker's warning of the Thái Bình venue.
    const warned = await v.worker.request('POST', `/console/api/venues/${venue.id}/warnings`, {
      date: new Date(t.clock.now().getTime() - 24 * HOUR + 7 * HOUR).toISOString().slice(0, 10),
      from: '08:00',
      to: '10:00',
      transmissionRiskLevel: 5,
    });
    expect(warned.status).toBe(200);

    const start = Math.floor(t.clock.now().getTime() / 600_000) - 12;
    const item = (hash: Uint8Array) => ({
      locationIdHash: toBase64(hash),
      startIntervalNumber: start,
      period: 6,
      transmissionRiskLevel: 6,
    });
    const unknownOfHanoiCase = new Uint8Array(32).fill(0xa1);
    const unknownNoProvince = new Uint8Array(32).fill(0xb2);
    // A Hà Nội case shares a check-in at the Thái Bình venue and one at a venue not registered here.
    const hanoi = await certificateFor(t, v.authority, 'confirmed', pastKeys(t, 2), undefined, 'VN-HN');
    const fromHanoi = await t.post('/v1/trace-warnings', undefined, {
      verificationPayload: hanoi,
      warnings: [item(fromHex(venue.locationIdHash)), item(unknownOfHanoiCase)],
    });
    expect(fromHanoi.status).toBe(200);
    // A case whose code named no province, at an unknown venue: national set only.
    const none = await certificateFor(t, v.authority, 'confirmed', pastKeys(t, 3));
    const fromNowhere = await t.post('/v1/trace-warnings', undefined, {
      verificationPayload: none,
      warnings: [item(unknownNoProvince)],
    });
    expect(fromNowhere.status).toBe(200);

    // After the day ends (province packages are daily), every set has its package.
    t.clock.advance(26 * HOUR);
    const pass = await t.app.runTraceWarningPass();
    expect(pass.warnings).toBe(4);
    const venueHash = venue.locationIdHash;
    const national = await hashesIn('VN');
    const thaiBinh = await hashesIn('VN-20');
    const hanoiSet = await hashesIn('VN-HN');
    const saigon = await hashesIn('VN-SG');
    // The case worker's and the upload's warning of the venue are both in VN-20, none in Hà Nội's.
    expect(thaiBinh.filter((h) => h === venueHash)).toHaveLength(2);
    expect(hanoiSet).not.toContain(venueHash);
    expect(hanoiSet).toContain(toHex(unknownOfHanoiCase));
    expect(thaiBinh).not.toContain(toHex(unknownOfHanoiCase));
    for (const hash of [venueHash, toHex(unknownOfHanoiCase), toHex(unknownNoProvince)])
      expect(national).toContain(hash);
    for (const set of [thaiBinh, hanoiSet, saigon]) expect(set).not.toContain(toHex(unknownNoProvince));
    for (const hash of [venueHash, toHex(unknownOfHanoiCase)]) expect(saigon).not.toContain(hash);
    // Every province set is padded like the national one: its size says nothing.
    expect(saigon.length).toBeGreaterThanOrEqual(100);

    // A second pass writes nothing; the province indexes list daily packages (UTC midnights).
    expect((await t.app.runTraceWarningPass()).packages).toBe(0);
    const index = await t.app.server.inject({ url: '/v1/trace-warnings/VN-20/index.txt' });
    for (const path of parseExportIndex(index.body))
      expect(Number(/trace-warnings-(\d+)\.zip$/.exec(path)?.[1]) % 24).toBe(0);
  });
});
