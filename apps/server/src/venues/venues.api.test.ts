import {
  fromHex,
  hashCheckIn,
  matchCheckIns,
  parseExportIndex,
  parsePublicKeyPem,
  readEventUrl,
  readTraceWarningFile,
  toBase64,
  toHex,
  traceLocationId,
  traceLocationIdHash,
} from '@bluezone/protocol';
import { unzipSync } from 'fflate';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryBlobStore } from '../blobstore/memory-blob-store.js';
import { createCleanupService } from '../retention/cleanup.service.js';
import { type Agent, userAgent } from '../testing/console-test-kit.js';
import { pdfQrText } from '../testing/pdf-qr.js';
import { type Authority, certificateFor, pastKeys } from '../testing/publish-test-kit.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { A5 } from './venue-poster.js';

let t: TestApp;
let authority: Authority;
let national: Agent;
let officer: Agent;
let worker: Agent;
const HOSTS = { hosts: ['localhost'] };

interface VenueView {
  id: string;
  name: string;
  url: string;
  cwaUrl: string;
  locationId: string;
  locationIdHash: string;
  province: string;
  organisation: string | null;
}

const market = {
  name: 'Chợ Bồ Xuyên',
  address: 'Phố Lê Lợi, Thái Bình',
  locationType: 3,
  defaultCheckInLengthInMinutes: 60,
  province: 'VN-20',
};

async function raw(agent: Agent, url: string) {
  return t.app.server.inject({ method: 'GET', url, headers: { cookie: agent.cookie } });
}

async function create(agent: Agent, body: unknown) {
  return agent.request('POST', '/console/api/venues', body);
}

beforeAll(async () => {
  t = await createTestApp(
    { BLUEZONE_DAILY_ISSUE_QUOTA: '100000', BLUEZONE_VERIFY_RATE_LIMIT: '10000' },
    { kind: 'memory' },
    { blobStore: createMemoryBlobStore() },
  );
  authority = await t.provision('VN');
  national = await userAgent(t, { role: 'national' });
  officer = await userAgent(t, { role: 'province', province: 'VN-20' });
  worker = await userAgent(t, { role: 'caseworker', province: 'VN-20' });
}, 120_000);
afterAll(() => t.app.close());

describe('venues on the console', () => {
  it('registers a place whose QR code is a CWA event URL with the location ID the console shows', async () => {
    const answer = await create(officer, market);
    expect(answer.status).toBe(200);
    const venue = answer.json as unknown as VenueView;
    expect(venue.url).toMatch(/^http:\/\/localhost(:80)?\/c\?v=1#/);
    const read = readEventUrl(venue.url, HOSTS);
    expect(read.location).toMatchObject({
      description: market.name,
      address: market.address,
      locationType: 3,
      defaultCheckInLengthInMinutes: 60,
      startTimestamp: 0,
      endTimestamp: 0,
    });
    expect(read.location.cryptographicSeed).toHaveLength(16);
    expect(toHex(read.locationId)).toBe(venue.locationId);
    expect(toHex(traceLocationId(read.payload))).toBe(venue.locationId);
    expect(toHex(traceLocationIdHash(read.locationId))).toBe(venue.locationIdHash);
    // CWA's URL carries the same payload, so the same location ID.
    expect(toHex(readEventUrl(venue.cwaUrl, HOSTS).locationId)).toBe(venue.locationId);
    const listed = (await officer.request('GET', '/console/api/venues?province=VN-20')).json
      .venues as VenueView[];
    expect(listed.map((v) => v.id)).toContain(venue.id);
  });

  it('gives two venues with the same fields different codes, and keeps the code when nothing it carries changes', async () => {
    const a = (await create(officer, market)).json as unknown as VenueView;
    const b = (await create(officer, market)).json as unknown as VenueView;
    expect(a.locationId).not.toBe(b.locationId);
    const { province: _p, ...fields } = market;
    const same = await officer.request('POST', `/console/api/venues/${a.id}`, fields);
    expect(same.status).toBe(200);
    expect(same.json.locationId).toBe(a.locationId);
    const renamed = await officer.request('POST', `/console/api/venues/${a.id}`, {
      ...fields,
      name: 'Chợ mới',
    });
    expect(renamed.json.locationId).not.toBe(a.locationId);
    expect(readEventUrl(String(renamed.json.url), HOSTS).location.cryptographicSeed).toEqual(
      readEventUrl(a.url, HOSTS).location.cryptographicSeed,
    );
  });

  it('refuses bad venues with a code, storing nothing', async () => {
    const before = ((await national.request('GET', '/console/api/venues')).json.venues as unknown[]).length;
    const refusals = await Promise.all([
      create(officer, { ...market, locationType: 11 }), // an event without times
      create(officer, { ...market, startsAt: '2026-03-10T07:00+07:00', endsAt: '2026-03-10T11:00+07:00' }),
      create(officer, {
        ...market,
        locationType: 9,
        startsAt: '2026-03-10T11:00+07:00',
        endsAt: '2026-03-10T07:00+07:00',
      }),
      create(officer, { ...market, locationType: 9, startsAt: 'tomorrow', endsAt: 'later' }),
      create(officer, { ...market, name: 'a\nb' }),
      create(officer, { ...market, name: 'x'.repeat(101) }),
      create(officer, { ...market, locationType: 13 }),
      create(officer, { ...market, district: '99999' }),
      create(officer, { ...market, province: 'VN-06' }),
      create(officer, { ...market, organisation: 'ZZZZZZ' }),
      create(worker, market),
    ]);
    expect(refusals.map((r) => [r.status, r.json.errorCode])).toEqual([
      [400, 'invalid_venue'],
      [400, 'invalid_venue'],
      [400, 'invalid_venue'],
      [400, 'invalid_venue'],
      [400, 'invalid_request'],
      [400, 'invalid_request'],
      [400, 'invalid_request'],
      [400, 'unknown_district'],
      [403, 'forbidden_area'],
      [404, 'organisation_not_found'],
      [403, 'forbidden_role'],
    ]);
    expect(((await national.request('GET', '/console/api/venues')).json.venues as unknown[]).length).toBe(
      before,
    );
  });

  it('prints A4 and A5 posters whose QR code decodes to the venue URL', async () => {
    const event = (
      await create(officer, {
        ...market,
        name: 'Đám cưới Minh & Lan',
        locationType: 11,
        startsAt: '2026-03-14T17:00+07:00',
        endsAt: '2026-03-14T21:00+07:00',
      })
    ).json as unknown as VenueView;
    for (const size of ['a4', 'a5'] as const) {
      const pdf = await raw(officer, `/console/api/venues/${event.id}/poster.pdf?size=${size}`);
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      const bytes = new Uint8Array(pdf.rawPayload);
      expect(await pdfQrText(bytes)).toBe(event.url);
      const page = (await PDFDocument.load(bytes)).getPage(0).getSize();
      if (size === 'a5') expect(page).toEqual(A5);
    }
    const other = await userAgent(t, { role: 'province', province: 'VN-06' });
    expect((await raw(other, `/console/api/venues/${event.id}/poster.pdf`)).statusCode).toBe(403);
    expect((await raw(officer, `/console/api/venues/${event.id}/poster.pdf?size=a3`)).statusCode).toBe(400);
  }, 60_000);

  it("imports an organisation's venues from CSV with every error by line, all or nothing, and zips their posters", async () => {
    const org = await officer.request('POST', '/console/api/campaigns/organisations', {
      name: 'Trường THPT Lê Quý Đôn',
      type: 'school',
      province: 'VN-20',
    });
    const code = String(org.json.code);
    const header = 'name,address,type,check_in_minutes,start,end,district';
    const bad = [
      header,
      '"Cổng chính, nhà A",Số 1 Lê Lợi,7,30,,,',
      'Hội trường,Số 1 Lê Lợi,11,120,,,',
      'Thư viện,Số 1 Lê Lợi,15,30,,,',
      'Căng tin,,4,abc,,,',
      '"Phòng thi ""A""",Số 1 Lê Lợi,2,90,2026-03-12T07:00+07:00,2026-03-12T11:00+07:00,99999',
    ].join('\n');
    const refused = await officer.request('POST', '/console/api/venues/import', {
      csv: bad,
      organisation: code,
    });
    expect(refused.status).toBe(400);
    expect(refused.json.errorCode).toBe('import_invalid');
    const errors = refused.json.errors as { line: number; column: string | null }[];
    expect(errors.map((e) => [e.line, e.column])).toEqual([
      [3, 'end'],
      [4, 'type'],
      [5, 'check_in_minutes'],
      [5, 'address'],
      [6, 'district'],
    ]);
    expect(
      ((await officer.request('GET', `/console/api/venues?organisation=${code}`)).json.venues as []).length,
    ).toBe(0);

    const good = [
      header,
      '"Cổng chính, nhà A",Số 1 Lê Lợi,7,30,,,',
      '"Phòng thi ""A""",Số 1 Lê Lợi,2,90,2026-03-12T07:00+07:00,2026-03-12T11:00+07:00,',
    ].join('\r\n');
    const imported = await officer.request('POST', '/console/api/venues/import', {
      csv: good,
      organisation: code,
    });
    expect(imported.status).toBe(200);
    expect(imported.json.imported).toBe(2);
    const venues = imported.json.venues as VenueView[];
    expect(venues.map((v) => [v.name, v.organisation, v.province])).toEqual([
      ['Cổng chính, nhà A', code, 'VN-20'],
      ['Phòng thi "A"', code, 'VN-20'],
    ]);

    const zip = await raw(officer, `/console/api/venues/posters.zip?organisation=${code}&size=a5`);
    expect(zip.statusCode).toBe(200);
    expect(zip.headers['content-type']).toBe('application/zip');
    const files = unzipSync(new Uint8Array(zip.rawPayload));
    expect(Object.keys(files)).toHaveLength(2);
    const urls = await Promise.all(Object.values(files).map((pdf) => pdfQrText(pdf)));
    expect(urls.sort()).toEqual(venues.map((v) => v.url).sort());
  }, 60_000);
});

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
    expect(answer.json.venues).toBeGreaterThanOrEqual(5);
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
