import type { HttpRequest, HttpResponse } from '@bluezone/api';
import { describe, expect, it } from 'vitest';
import { at, FakeClock } from '../testing/fake-clock.js';
import { MemoryAir } from '../testing/memory-air.js';
import { memoryPhone } from '../testing/memory-phone.js';
import { MemoryHttp } from '../testing/memory-platform.js';
import { testVenueUrl } from '../testing/venue-codes.js';

const json = (status: number, body: unknown): HttpResponse => ({
  status,
  headers: {},
  body: JSON.stringify(body),
});
const bodyOf = (r: HttpRequest) => JSON.parse(String(r.body)) as Record<string, unknown>;

/** Verification, certificate, publish and the check-ins' upload, in memory. */
function fakeServer() {
  return new MemoryHttp((request) => {
    if (request.url === 'http://server/api/verify')
      return json(200, { token: 't', testtype: 'confirmed', symptomDate: '2026-11-02' });
    if (request.url === 'http://server/api/certificate') return json(200, { certificate: 'the-certificate' });
    if (request.url === 'http://server/v1/publish')
      return json(200, { insertedExposures: (bodyOf(request).temporaryExposureKeys as unknown[]).length });
    if (request.url === 'http://server/v1/trace-warnings')
      return json(200, { insertedWarnings: (bodyOf(request).warnings as unknown[]).length });
    return undefined;
  });
}

describe('check-ins shared after the key upload', () => {
  it('sends the chosen check-ins with the certificate of the keys, then forgets it', async () => {
    const http = fakeServer();
    const clock = new FakeClock(at('2026-11-03T08:00:00Z'));
    const { device, store } = memoryPhone({
      air: new MemoryAir(),
      clock,
      http,
      seed: 9,
      exportPublicKeys: [],
    });
    await device.start();
    // Our hosts are the server URLs' ("server"); the poster is on https.
    const market = await device.checkIns.checkIn(testVenueUrl('https://server', { description: 'Chợ Lớn' }));
    await device.checkIns.checkIn(testVenueUrl('https://server', { description: 'Nhà văn hoá', seed: 2 }));
    clock.advanceSeconds(3 * 3600);
    await device.checkIns.chooseToShare([market.id]);
    await device.confirmUpload(await device.prepareUpload('12345678'));
    expect(await device.checkIns.canShare()).toBe(true);
    expect(await device.checkIns.share()).toEqual({ sharedCheckIns: 1, insertedWarnings: 1 });
    const upload = http.requests.find((r) => r.url === 'http://server/v1/trace-warnings') as HttpRequest;
    expect(bodyOf(upload)).toMatchObject({
      verificationPayload: 'the-certificate',
      // 08:00–09:00 on the day after onset: level 8.
      warnings: [{ period: 6, transmissionRiskLevel: 8 }],
    });
    expect(await store.list('checkin/share')).toEqual([]);
  });
});
