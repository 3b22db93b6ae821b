import { readEventUrl, toHex, traceLocationId, traceLocationIdHash } from '@bluezone/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  HOSTS,
  market,
  startVenueTestApp,
  type VenueTestApp,
  type VenueView,
} from '../testing/venue-test-app.js';

// Registering venues on the console; posters and CSV import are in venue-posters.api.test.ts, venue
// warnings in venue-warnings.api.test.ts.
let t: VenueTestApp['t'];
let national: VenueTestApp['national'];
let officer: VenueTestApp['officer'];
let worker: VenueTestApp['worker'];
let create: VenueTestApp['create'];

beforeAll(async () => {
  ({ t, national, officer, worker, create } = await startVenueTestApp());
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
});
