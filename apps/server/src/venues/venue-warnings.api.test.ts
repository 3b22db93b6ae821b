import {
  fromHex,
  hashCheckIn,
  matchCheckIns,
  parseExportIndex,
  parsePublicKeyPem,
  readTraceWarningFile,
  toBase64,
  toHex,
} from '@bluezone/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCleanupService } from '../retention/cleanup.service.js';
import { userAgent } from '../testing/console-test-kit.js';
import { certificateFor, pastKeys } from '../testing/publish-test-kit.js';
import { market, startVenueTestApp, type VenueTestApp, type VenueView } from '../testing/venue-test-app.js';

// Venue warnings: a positive person's upload, a case worker's warning, the hourly packages, the
// statistics and retention. The tests run in order on one app, each on what the one before left.
let t: VenueTestApp['t'];
let authority: VenueTestApp['authority'];
let officer: VenueTestApp['officer'];
let worker: VenueTestApp['worker'];
let create: VenueTestApp['create'];

beforeAll(async () => {
  ({ t, authority, officer, worker, create } = await startVenueTestApp());
}, 120_000);
afterAll(() => t.app.close());

describe('venue warnings: uploads, case workers, hourly packages', () => {
  let venue: VenueView;
  const hourOf = (ms: number) => Math.floor(ms / 3_600_000);

  beforeAll(async () => {
    venue = (await create(officer, { ...market, name: 'Chợ Đề Thám' })).json as unknown as VenueView;
  });

  const upload = async (
    warnings: unknown[],
    certificate?: string,
    testType: 'confirmed' | 'negative' = 'confirmed',
  ) => {
    const verificationPayload = certificate ?? (await certificateFor(t, authority, testType, pastKeys(t, 2)));
    const answer = await t.post('/v1/trace-warnings', undefined, { verificationPayload, warnings });
    return { ...answer, verificationPayload };
  };
  const nowInterval = () => Math.floor(t.clock.now().getTime() / 600_000);
  const warning = (over: Record<string, unknown> = {}) => ({
    locationIdHash: toBase64(fromHex(venue.locationIdHash)),
    startIntervalNumber: nowInterval() - 12,
    period: 6,
    transmissionRiskLevel: 7,
    ...over,
  });

  it("accepts a positive person's check-ins once per certificate, refusing hostile ones with codes", async () => {
    const first = await upload([warning()]);
    expect(first.status).toBe(200);
    expect(first.json).toEqual({ insertedWarnings: 1 });
    const again = await upload([warning()], first.verificationPayload);
    expect([again.status, again.json.errorCode]).toEqual([409, 'checkin_certificate_used']);

    const cases: [unknown[], string][] = [
      [[warning({ locationIdHash: 'AAAA' })], 'checkin_invalid_warning'],
      [[warning({ locationIdHash: '!!!' })], 'checkin_invalid_warning'],
      [[warning({ period: 0 })], 'checkin_invalid_warning'],
      [[warning({ period: 145 })], 'checkin_invalid_warning'],
      [[warning({ transmissionRiskLevel: 9 })], 'checkin_invalid_warning'],
      [[warning({ startIntervalNumber: -1 })], 'checkin_invalid_warning'],
      [[warning({ startIntervalNumber: nowInterval() + 10 })], 'checkin_invalid_warning'],
      [[warning({ startIntervalNumber: nowInterval() - 16 * 144 })], 'checkin_invalid_warning'],
      [[warning({ period: 'six' })], 'invalid_request'],
      [Array.from({ length: 1001 }, () => warning()), 'too_many_warnings'],
    ];
    for (const [warnings, code] of cases) {
      const answer = await upload(warnings);
      expect([answer.status, answer.json.errorCode], JSON.stringify(warnings).slice(0, 120)).toEqual([
        400,
        code,
      ]);
      // Refused before anything was stored: the certificate is still good for a valid upload.
      expect((await upload([warning()], answer.verificationPayload)).status).toBe(200);
    }
    const negative = await upload([warning()], undefined, 'negative');
    expect([negative.status, negative.json.errorCode]).toEqual([400, 'invalid_report_type']);
    const forged = await upload([warning()], 'a.b.c');
    expect([forged.status, forged.json.errorCode]).toEqual([401, 'invalid_certificate']);
  }, 120_000);

  it('lets a case worker warn a venue of their province, audited, and refuses bad windows', async () => {
    const answer = await worker.request('POST', `/console/api/venues/${venue.id}/warnings`, {
      date: '2026-03-09',
      from: '06:00',
      to: '11:00',
      transmissionRiskLevel: 8,
    });
    expect(answer.status).toBe(200);
    // 06:00-11:00 in Vietnam is 23:00 (the 8th) to 04:00 UTC: split at UTC midnight.
    const start = Date.parse('2026-03-08T23:00:00Z') / 600_000;
    expect(answer.json).toEqual({ insertedWarnings: 2, startIntervalNumber: start, period: 30 });
    const audit = await officer.request('GET', '/console/api/audit');
    const entries = audit.json.entries as { action: string; target: string }[];
    expect(entries.some((e) => e.action === 'venue_warned' && e.target === venue.id)).toBe(true);
    const bad = [
      { date: '2026-03-09', from: '11:00', to: '07:00' },
      { date: '2026-02-01', from: '07:00', to: '11:00' },
      { date: '2026-03-12', from: '07:00', to: '11:00' },
      { date: '2026-02-30', from: '07:00', to: '11:00' },
      { date: '2026-03-09', from: '7h', to: '11:00' },
    ];
    for (const body of bad) {
      const refused = await worker.request('POST', `/console/api/venues/${venue.id}/warnings`, {
        ...body,
        transmissionRiskLevel: 5,
      });
      expect([refused.status, refused.json.errorCode]).toEqual([400, 'invalid_venue_warning']);
    }
    const other = await userAgent(t, { role: 'caseworker', province: 'VN-06' });
    const elsewhere = await other.request('POST', `/console/api/venues/${venue.id}/warnings`, {
      date: '2026-03-09',
      from: '07:00',
      to: '11:00',
      transmissionRiskLevel: 5,
    });
    expect(elsewhere.json.errorCode).toBe('forbidden_area');
  });

  it('publishes each hour once as a signed, padded package a phone matches its check-ins against', async () => {
    const received = hourOf(t.clock.now().getTime());
    expect((await t.app.server.inject({ url: '/v1/trace-warnings/VN/index.txt' })).statusCode).toBe(404);
    t.clock.advance(2 * 3_600_000);
    const pass = await t.app.runTraceWarningPass();
    expect(pass.packages).toBeGreaterThanOrEqual(1);
    expect((await t.app.runTraceWarningPass()).packages).toBe(0);

    const index = await t.app.server.inject({ url: '/v1/trace-warnings/VN/index.txt' });
    expect(index.statusCode).toBe(200);
    expect(index.headers['cache-control']).toBe('public, max-age=300');
    const paths = parseExportIndex(index.body);
    expect(paths).toContain(`VN/trace-warnings-${received}.zip`);
    const keys = (await t.app.server.inject({ url: '/v1/exports/VN/keys.json' })).json() as {
      keyId: string;
      keyVersion: string;
      publicKeyPem: string;
    }[];
    const trusted = keys.map((k) => ({ ...k, publicKey: parsePublicKeyPem(k.publicKeyPem) }));
    const zip = await t.app.server.inject({ url: `/v1/trace-warnings/${paths.at(-1)}` });
    expect(zip.statusCode).toBe(200);
    expect(zip.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const etag = String(zip.headers.etag);
    const cached = await t.app.server.inject({
      url: `/v1/trace-warnings/${paths.at(-1)}`,
      headers: { 'if-none-match': etag },
    });
    expect(cached.statusCode).toBe(304);

    const file = readTraceWarningFile(new Uint8Array(zip.rawPayload), trusted);
    expect(file.signatures.some((s) => s.valid)).toBe(true);
    expect(file.region).toBe('VN');
    expect(file.intervalNumber).toBe(received);
    expect(file.warnings.length).toBeGreaterThanOrEqual(100);
    const real = file.warnings.filter((w) => toHex(w.locationIdHash) === venue.locationIdHash);
    expect(real.length).toBeGreaterThanOrEqual(3); // uploads and the case worker's two

    // A phone that was at the market 07:30-08:30 on the 9th (Vietnam time) matches; one that came at 12:00 does not.
    const locationId = fromHex(venue.locationId);
    const at = (iso: string) => Date.parse(iso) / 1000;
    const there = hashCheckIn({
      locationId,
      checkInStart: at('2026-03-09T00:30:00Z'),
      checkInEnd: at('2026-03-09T01:30:00Z'),
    });
    const later = hashCheckIn({
      locationId,
      checkInStart: at('2026-03-09T05:00:00Z'),
      checkInEnd: at('2026-03-09T06:00:00Z'),
    });
    expect(matchCheckIns([there], file.warnings).map((m) => m.overlapMinutes)).toEqual([60]);
    expect(matchCheckIns([later], file.warnings)).toEqual([]);

    for (const url of [
      '/v1/trace-warnings/VN/trace-warnings-1.zip',
      '/v1/trace-warnings/VN/..%2Fx.zip',
      '/v1/trace-warnings/vn/index.txt',
    ])
      expect((await t.app.server.inject({ url })).statusCode).toBe(404);
  });

  it('counts venues and warnings per day, never visits', async () => {
    // Signed in again: the clock moved past the session's idle timeout.
    const reader = await userAgent(t, { role: 'analyst', province: 'VN-20' });
    const answer = await reader.request('GET', '/console/api/venues/statistics');
    expect(answer.status).toBe(200);
    expect(answer.json.venues).toBe(1); // this file's one venue; warnings add none
    const days = answer.json.warningsPerDay as { day: string; uploaded: number; caseWorker: number }[];
    expect(days).toEqual([{ day: '2026-03-10', uploaded: expect.any(Number), caseWorker: 2 }]);
    expect(days[0]?.uploaded).toBeGreaterThanOrEqual(11);
  });

  it('deletes warnings and packages after 14 days, the index first', async () => {
    t.clock.advance(15 * 86_400_000);
    await t.app.runTraceWarningPass();
    const cleanup = await createCleanupService(t.app.core)();
    expect(cleanup.traceWarnings).toBeGreaterThan(0);
    expect(cleanup.traceWarningPackages).toBeGreaterThan(0);
    expect(cleanup.traceWarningCertificates).toBeGreaterThan(0);
    const paths = parseExportIndex(
      (await t.app.server.inject({ url: '/v1/trace-warnings/VN/index.txt' })).body,
    );
    const oldest = Math.min(...paths.map((p) => Number(/(\d+)\.zip$/.exec(p)?.[1])));
    expect(oldest).toBeGreaterThanOrEqual(hourOf(t.clock.now().getTime()) - 14 * 24);
    for (const path of paths)
      expect((await t.app.server.inject({ url: `/v1/trace-warnings/${path}` })).statusCode).toBe(200);
  }, 120_000);
});
