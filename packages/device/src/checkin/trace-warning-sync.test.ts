import { generateKeyPairSync } from 'node:crypto';
import { createBluezoneClient, type HttpRequest } from '@bluezone/api';
import {
  buildExportIndex,
  buildTraceWarningFile,
  ECDSA_SHA256_OID,
  fromBase64,
  parsePrivateKeyPem,
  parsePublicKeyPem,
  readEventUrl,
  type TraceTimeIntervalWarning,
  type UtcDay,
  unixSeconds,
  utcDayOfSeconds,
} from '@bluezone/protocol';
import { describe, expect, it } from 'vitest';
import { isDeviceError } from '../errors.js';
import { at, FakeClock } from '../testing/fake-clock.js';
import { MemoryHttp, MemoryNotifier } from '../testing/memory-platform.js';
import { MemoryStore } from '../testing/memory-store.js';
import { SeededRandom } from '../testing/seeded-random.js';
import { testVenueUrl } from '../testing/venue-codes.js';
import { keepCertificateForCheckIns } from './check-in-share-state.js';
import { DeviceCheckIns } from './device-check-ins.js';

const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
const signer = {
  signingKey: parsePrivateKeyPem(privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()),
  signatureInfo: {
    verificationKeyId: '452',
    verificationKeyVersion: 'v1',
    signatureAlgorithm: ECDSA_SHA256_OID,
  },
};
const publicKeys = [
  {
    keyId: '452',
    keyVersion: 'v1',
    publicKey: parsePublicKeyPem(publicKey.export({ type: 'spki', format: 'pem' }).toString()),
  },
];
const ROOT = 'http://server/v1/trace-warnings';
const MARKET = testVenueUrl('https://bluezone.gov.vn', { description: 'Chợ Đồng Xuân', seed: 7 });
const SCHOOL = testVenueUrl('https://bluezone.gov.vn', { description: 'Trường Tiểu học Kim Liên', seed: 8 });
const hashOf = (url: string) => readEventUrl(url, { hosts: ['bluezone.gov.vn'] }).locationIdHash;
const T0 = at('2026-11-03T08:00:00Z');
const interval = (ms: number) => Math.floor(ms / 600_000);

function setup(
  route?: (r: HttpRequest) => undefined | { status: number; headers: Record<string, string>; body: string },
) {
  const http = new MemoryHttp(route);
  const clock = new FakeClock(T0);
  const notifier = new MemoryNotifier();
  const store = new MemoryStore();
  const client = createBluezoneClient({
    transport: (r) => http.request(r),
    verificationUrl: 'http://server',
    deviceApiKey: 'k',
  });
  const checkIns = new DeviceCheckIns({
    store,
    clock,
    random: new SeededRandom(5),
    notifier,
    client,
    region: 'VN',
    publicKeys,
    eventUrls: { hosts: ['bluezone.gov.vn'] },
    language: 'vi',
    fileTimeoutMs: 5_000,
  });
  const publish = (hour: number, warnings: TraceTimeIntervalWarning[], region = 'VN', signers = [signer]) => {
    const path = `VN/trace-warnings-${hour}.zip`;
    http.files.set(
      `${ROOT}/${path}`,
      buildTraceWarningFile({ intervalNumber: hour, region, warnings }, signers),
    );
    const listed =
      (http.files.get(`${ROOT}/VN/index.txt`) as string | undefined)?.split('\n').filter(Boolean) ?? [];
    http.files.set(`${ROOT}/VN/index.txt`, buildExportIndex([...listed, path]));
  };
  return { http, clock, notifier, store, checkIns, publish };
}

const warning = (url: string, fromMs: number, period: number, level = 6): TraceTimeIntervalWarning => ({
  locationIdHash: hashOf(url),
  startIntervalNumber: interval(fromMs),
  period,
  transmissionRiskLevel: level,
});

describe('venue warnings from trace warning packages', () => {
  it('downloads nothing while the phone has no check-in', async () => {
    const { http, checkIns, publish } = setup();
    publish(1, [warning(MARKET, T0, 6)]);
    expect(await checkIns.sync()).toMatchObject({ listed: 0 });
    expect(http.log()).toEqual([]);
  });

  it('warns once for an overlapping stay, with the date and the venue name, and not for others', async () => {
    const { checkIns, clock, notifier, publish } = setup();
    await checkIns.checkIn(MARKET, 60);
    await checkIns.checkIn(SCHOOL, 60);
    clock.set(T0 + 3 * 3_600_000);
    // The market warned 08:30–09:30 (overlaps 30 min); the school warned 10:00–11:00 (after the stay).
    publish(100, [warning(MARKET, T0 + 1_800_000, 6), warning(SCHOOL, T0 + 7_200_000, 6)]);
    const report = await checkIns.sync();
    expect(report).toMatchObject({ listed: 1, processed: ['VN/trace-warnings-100.zip'], warningsRead: 2 });
    const warnings = await checkIns.venueWarnings();
    expect(warnings).toEqual([
      expect.objectContaining({ description: 'Chợ Đồng Xuân', date: '2026-11-03', overlapMinutes: 30 }),
    ]);
    expect(notifier.shown).toEqual([expect.objectContaining({ level: 'venue', exposureDate: '2026-11-03' })]);
    expect(notifier.shown[0]?.body).toContain('Chợ Đồng Xuân');
    // A second pass reads nothing new and notifies nothing.
    expect(await checkIns.sync()).toMatchObject({ processed: [] });
    expect(notifier.shown).toHaveLength(1);
  });

  it('refuses unsigned, foreign and broken packages, and still uses the good ones', async () => {
    const { checkIns, clock, http, publish } = setup();
    await checkIns.checkIn(MARKET, 60);
    clock.set(T0 + 3 * 3_600_000);
    const other = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey;
    const stranger = {
      ...signer,
      signingKey: parsePrivateKeyPem(other.export({ type: 'pkcs8', format: 'pem' }).toString()),
    };
    publish(1, [warning(MARKET, T0, 6)], 'VN', [stranger]);
    publish(2, [warning(MARKET, T0, 6)], 'LA');
    publish(3, [warning(MARKET, T0, 6)]);
    http.files.set(
      `${ROOT}/VN/trace-warnings-1.zip`,
      http.files.get(`${ROOT}/VN/trace-warnings-1.zip`) as Uint8Array,
    );
    http.files.set(
      `${ROOT}/VN/index.txt`,
      buildExportIndex([
        'VN/trace-warnings-0.zip',
        'VN/trace-warnings-1.zip',
        'VN/trace-warnings-2.zip',
        'VN/trace-warnings-3.zip',
      ]),
    );
    http.files.set(`${ROOT}/VN/trace-warnings-0.zip`, new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3]));
    const report = await checkIns.sync();
    expect(report?.rejected.map((r) => r.code)).toEqual([
      'checkin_package_malformed',
      'checkin_package_signature_invalid',
      'checkin_package_wrong_region',
    ]);
    expect(report?.processed).toEqual(['VN/trace-warnings-3.zip']);
    expect(await checkIns.venueWarnings()).toHaveLength(1);
    expect((await checkIns.syncStatus()).lastError?.code).toBe('checkin_package_malformed');
  });

  it('records a broken index or no network without throwing', async () => {
    const { checkIns, http } = setup();
    await checkIns.checkIn(MARKET, 60);
    http.files.set(`${ROOT}/VN/index.txt`, 'VN/a.zip\nVN/a.zip\n');
    expect(await checkIns.sync()).toBeNull();
    expect((await checkIns.syncStatus()).lastError?.code).toBe('export_index_invalid');
    http.offline = true;
    expect(await checkIns.sync()).toBeNull();
    expect((await checkIns.syncStatus()).lastError?.code).toBe('sync_network');
  });

  it('keeps venue warnings 14 days by date', async () => {
    const { checkIns, clock, publish } = setup();
    await checkIns.checkIn(MARKET, 60);
    clock.set(T0 + 3_600_000);
    publish(1, [warning(MARKET, T0, 6)]);
    await checkIns.sync();
    await checkIns.prune((utcDayOfSeconds(unixSeconds(T0 / 1000)) + 13) as UtcDay);
    expect(await checkIns.venueWarnings()).toHaveLength(1);
    await checkIns.prune((utcDayOfSeconds(unixSeconds(T0 / 1000)) + 14) as UtcDay);
    expect(await checkIns.venueWarnings()).toHaveLength(0);
  });
});

describe('sharing check-ins after the key upload', () => {
  it('sends only the chosen check-ins as hashed windows with the same certificate, once', async () => {
    const bodies: Record<string, unknown>[] = [];
    const { checkIns, clock, store } = setup((r) => {
      if (r.method !== 'POST' || r.url !== 'http://server/v1/trace-warnings') return undefined;
      bodies.push(JSON.parse(String(r.body)));
      return { status: 200, headers: {}, body: '{"insertedWarnings":1}' };
    });
    const market = await checkIns.checkIn(MARKET, 60);
    await checkIns.checkIn(SCHOOL, 60);
    clock.set(T0 + 2 * 3_600_000);
    expect(await checkIns.share()).toBeNull();
    await checkIns.chooseToShare([market.id]);
    await keepCertificateForCheckIns(store, 'the.certificate.jwt', interval(at('2026-11-02T00:00:00Z')));
    expect(await checkIns.canShare()).toBe(true);
    expect(await checkIns.share()).toEqual({ sharedCheckIns: 1, insertedWarnings: 1 });
    expect(bodies).toHaveLength(1);
    const body = bodies[0] as {
      verificationPayload: string;
      warnings: Record<string, unknown>[];
      padding: string;
    };
    expect(body.verificationPayload).toBe('the.certificate.jwt');
    expect(body.warnings).toEqual([
      {
        locationIdHash: Buffer.from(hashOf(MARKET)).toString('base64'),
        startIntervalNumber: interval(T0),
        period: 6,
        transmissionRiskLevel: 8,
      },
    ]);
    expect(fromBase64(body.padding).length).toBeGreaterThan(0);
    expect(JSON.stringify(body)).not.toContain('Chợ');
    expect(await checkIns.canShare()).toBe(false);
    expect(await checkIns.share()).toBeNull();
  });

  it('keeps the share for a retry without network, forgets it when refused', async () => {
    let answer = { status: 503, headers: {}, body: '{"error":"busy","errorCode":"not_ready"}' };
    const { checkIns, store } = setup((r) => (r.method === 'POST' ? answer : undefined));
    const market = await checkIns.checkIn(MARKET, 60);
    await checkIns.chooseToShare([market.id]);
    await keepCertificateForCheckIns(store, 'cert', undefined);
    await expect(checkIns.share()).rejects.toSatisfy((e) => isDeviceError(e, 'checkin_share_network'));
    expect(await checkIns.canShare()).toBe(true);
    answer = { status: 400, headers: {}, body: '{"error":"used","errorCode":"certificate_used"}' };
    await expect(checkIns.share()).rejects.toSatisfy((e) => isDeviceError(e, 'checkin_share_rejected'));
    expect(await checkIns.canShare()).toBe(false);
  });
});
