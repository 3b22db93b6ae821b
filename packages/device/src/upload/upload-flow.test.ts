import type { HttpRequest, HttpResponse } from '@bluezone/api';
import { fromBase64, isoDateOfDay, verifyTekmac } from '@bluezone/protocol';
import { describe, expect, it } from 'vitest';
import { isDeviceError } from '../errors.js';
import { at, FakeClock } from '../testing/fake-clock.js';
import { MemoryAir } from '../testing/memory-air.js';
import { memoryPhone } from '../testing/memory-phone.js';
import { MemoryHttp } from '../testing/memory-platform.js';

const json = (status: number, body: unknown): HttpResponse => ({
  status,
  headers: {},
  body: JSON.stringify(body),
});
const bodyOf = (r: HttpRequest | undefined) => JSON.parse(String(r?.body)) as Record<string, unknown>;

/** A fake verification + key server: codes → test type (or error code). */
function fakeServer(codes: Record<string, { testtype?: string; symptomDate?: string; error?: string }>) {
  let certificates = 0;
  return new MemoryHttp((request) => {
    const body = bodyOf(request);
    if (request.url === 'http://server/api/verify') {
      const entry = codes[String(body.code)];
      if (entry === undefined) return json(400, { error: 'no such code', errorCode: 'code_not_found' });
      if (entry.error !== undefined) return json(400, { error: entry.error, errorCode: entry.error });
      return json(200, {
        token: `token-${body.code}`,
        testtype: entry.testtype,
        symptomDate: entry.symptomDate,
      });
    }
    if (request.url === 'http://server/api/certificate') {
      certificates += 1;
      return json(200, { certificate: `cert-${certificates}` });
    }
    if (request.url === 'http://server/v1/publish') {
      const keys = body.temporaryExposureKeys as unknown[];
      return json(200, { insertedExposures: keys.length, revisionToken: 'rev' });
    }
    return undefined;
  });
}

async function phoneWithDays(http: MemoryHttp, days: number) {
  const clock = new FakeClock(at('2026-11-01T09:00:00Z'));
  const phone = memoryPhone({ air: new MemoryAir(), clock, http, seed: 3, exportPublicKeys: [] });
  await phone.device.start();
  for (let i = 1; i < days; i++) {
    clock.advanceSeconds(86_400);
    await phone.device.tick();
  }
  return { ...phone, clock };
}

describe('upload', () => {
  it('F0: verify → certificate with the tekmac of exactly the published keys → publish the last 14 days', async () => {
    const http = fakeServer({ '12345678': { testtype: 'confirmed', symptomDate: '2026-11-15' } });
    const { device, store } = await phoneWithDays(http, 20);
    const prepared = await device.prepareUpload('12345678');
    expect(prepared).toMatchObject({ testType: 'confirmed', keyCount: 14 });
    expect(prepared.days[0]).toBe('2026-11-07');
    expect(prepared.days.at(-1)).toBe('2026-11-20'); // today's key too: the server embargoes it
    expect(http.log()).toEqual(['POST http://server/api/verify']); // nothing shared before confirming
    expect(bodyOf(http.requests[0])).toEqual({ code: '12345678', accept: ['confirmed', 'recursive'] });
    expect(http.requests[0]?.headers['x-api-key']).toBe('device-key');

    const result = await device.confirmUpload(prepared);
    expect(result).toEqual({ insertedExposures: 14, keyCount: 14, warnings: [] });
    expect(http.log().slice(1)).toEqual([
      'POST http://server/api/certificate',
      'POST http://server/v1/publish',
    ]);
    const certificate = bodyOf(http.requests[1]);
    const publish = bodyOf(http.requests[2]);
    expect(certificate.token).toBe('token-12345678');
    const hmacKey = fromBase64(String(publish.hmacKey));
    expect(hmacKey.length).toBeGreaterThanOrEqual(16);
    const keys = publish.temporaryExposureKeys as {
      key: string;
      rollingStartNumber: number;
      rollingPeriod: number;
      transmissionRisk: number;
    }[];
    expect(
      verifyTekmac(hmacKey, keys, String(certificate.ekeyhmac), { allowWithoutTransmissionRisk: false }),
    ).toBe(true);
    expect(publish).toMatchObject({
      healthAuthorityID: 'vn.moh',
      verificationPayload: 'cert-1',
      symptomOnsetInterval: Date.parse('2026-11-15T00:00:00Z') / 1000 / 600,
      traveler: false,
    });
    expect(keys.map((k) => isoDateOfDay((k.rollingStartNumber / 144) as never))).toEqual(prepared.days);
    expect(
      keys.every(
        (k) => k.rollingPeriod === 144 && k.transmissionRisk === 0 && fromBase64(k.key).length === 16,
      ),
    ).toBe(true);
    expect(await device.pendingUpload()).toBeNull();
    expect(publish.visitedProvinces).toBeUndefined(); // none declared: a GAEN-shaped request
    // Only the revision token stays, for a later publish that revises these keys.
    expect(await store.list('upload/')).toEqual(['upload/revision-token']);
    expect(publish.revisionToken).toBeUndefined();
  });

  it('F1 with a recursive code: only the keys from the exposure date on', async () => {
    const http = fakeServer({
      '11112222': { testtype: 'recursive' },
      '33334444': { testtype: 'recursive', symptomDate: '2026-11-18' },
      '55556666': { testtype: 'confirmed', symptomDate: '2026-11-19' },
    });
    const { device } = await phoneWithDays(http, 20);
    const prepared = await device.prepareUpload('11112222', { exposureDate: '2026-11-16' });
    expect(prepared.days).toEqual(['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20']);
    await device.confirmUpload(prepared);
    const publish = bodyOf(http.requests.at(-1));
    expect((publish.temporaryExposureKeys as unknown[]).length).toBe(5);
    // Without a date from the person or a warning, the code's date is the exposure date.
    expect((await device.prepareUpload('33334444')).days).toHaveLength(3);
    // Tested positive later: all 14 days, with the token that lets the server revise the F1 keys.
    const positive = await device.prepareUpload('55556666');
    expect(positive.keyCount).toBe(14);
    await device.confirmUpload(positive);
    expect(bodyOf(http.requests.at(-1)).revisionToken).toBe('rev');
  });

  it('sends the provinces declared on the consent screen, F0 and F1 alike, and keeps them for a retry', async () => {
    const http = fakeServer({ '11112222': { testtype: 'recursive' }, '12345678': { testtype: 'confirmed' } });
    const { device } = await phoneWithDays(http, 5);
    const f1 = await device.prepareUpload('11112222', { exposureDate: '2026-11-04' });
    const bad = await device.confirmUpload({ ...f1, visitedProvinces: ['Hà Nội'] }).catch((e: unknown) => e);
    expect(isDeviceError(bad, 'invalid_options')).toBe(true);
    const eleven = Array.from({ length: 11 }, (_, i) => `VN-${10 + i}`);
    const many = await device.confirmUpload({ ...f1, visitedProvinces: eleven }).catch((e: unknown) => e);
    expect(isDeviceError(many, 'invalid_options')).toBe(true);
    expect(http.log().filter((l) => l.endsWith('/v1/publish'))).toEqual([]);
    http.offline = true;
    await device
      .confirmUpload({ ...f1, visitedProvinces: ['VN-HN', 'VN-HN', 'VN-SG'] })
      .catch(() => undefined);
    http.offline = false;
    await device.retryUpload();
    expect(bodyOf(http.requests.at(-1)).visitedProvinces).toEqual(['VN-HN', 'VN-SG']);
    const f0 = await device.prepareUpload('12345678');
    await device.confirmUpload({ ...f0, visitedProvinces: ['VN-20'] });
    expect(bodyOf(http.requests.at(-1)).visitedProvinces).toEqual(['VN-20']);
  });

  it('answers typed errors for wrong, expired and used codes, and for a recursive code without a date', async () => {
    const http = fakeServer({
      '00000001': { error: 'code_expired' },
      '00000002': { error: 'code_already_used' },
      '00000003': { testtype: 'recursive' },
      '00000004': { testtype: 'negative' },
    });
    const { device } = await phoneWithDays(http, 3);
    const codeOf = (p: Promise<unknown>) =>
      p.then(
        () => 'ok',
        (e: unknown) => (isDeviceError(e) ? e.code : String(e)),
      );
    expect(await codeOf(device.prepareUpload('99999999'))).toBe('upload_code_invalid');
    expect(await codeOf(device.prepareUpload('00000001'))).toBe('upload_code_expired');
    expect(await codeOf(device.prepareUpload('00000002'))).toBe('upload_code_used');
    expect(await codeOf(device.prepareUpload('00000003'))).toBe('upload_exposure_date_unknown');
    expect(await codeOf(device.prepareUpload('00000004'))).toBe('upload_code_wrong_type');
    expect(await codeOf(device.confirmUpload({ id: 'nope' }))).toBe('upload_nothing_pending');
    http.offline = true;
    expect(await codeOf(device.prepareUpload('12345678'))).toBe('upload_network');
  });

  it('keeps the pending upload when the network fails, and a retry publishes it', async () => {
    const http = fakeServer({ '12345678': { testtype: 'confirmed' } });
    const { device } = await phoneWithDays(http, 4);
    const prepared = await device.prepareUpload('12345678');
    http.offline = true;
    const error = await device.confirmUpload(prepared).catch((e: unknown) => e);
    expect(isDeviceError(error, 'upload_network')).toBe(true);
    expect(await device.pendingUpload()).toEqual(prepared);
    http.offline = false;
    expect((await device.retryUpload()).insertedExposures).toBe(4);
    expect(await device.pendingUpload()).toBeNull();
  });
});

describe('upload retries', () => {
  it('keeps the certificate when publishing fails after it, and a busy server is retryable too', async () => {
    let publishAnswers = [503, 0];
    const requests: string[] = [];
    const http = new MemoryHttp((request) => {
      requests.push(request.url);
      if (request.url.endsWith('/api/verify')) return json(200, { token: 't', testtype: 'confirmed' });
      if (request.url.endsWith('/api/certificate')) return json(200, { certificate: 'c' });
      const status = publishAnswers.shift() ?? 200;
      if (status === 0) throw new Error('connection reset');
      return status === 200
        ? json(200, { insertedExposures: 2 })
        : json(status, { error: 'busy', code: 'not_ready' });
    });
    const { device } = await phoneWithDays(http, 2);
    const prepared = await device.prepareUpload('12345678');
    const codeOf = (p: Promise<unknown>) =>
      p.then(
        () => 'ok',
        (e: unknown) => (isDeviceError(e) ? e.code : String(e)),
      );
    expect(await codeOf(device.confirmUpload(prepared))).toBe('upload_server_busy');
    expect(await codeOf(device.retryUpload())).toBe('upload_network');
    expect(await codeOf(device.retryUpload())).toBe('ok');
    expect(requests.filter((u) => u.endsWith('/api/certificate'))).toHaveLength(1);
    expect(requests.filter((u) => u.endsWith('/v1/publish'))).toHaveLength(3);
    publishAnswers = [];
    expect(await device.pendingUpload()).toBeNull();
  });

  it('discards the pending upload when the server refuses it', async () => {
    const http = new MemoryHttp((request) => {
      if (request.url.endsWith('/api/verify')) return json(200, { token: 't', testtype: 'confirmed' });
      return json(400, { error: 'used', errorCode: 'token_already_used' });
    });
    const { device } = await phoneWithDays(http, 2);
    const prepared = await device.prepareUpload('12345678');
    const error = await device.confirmUpload(prepared).catch((e: unknown) => e);
    expect(isDeviceError(error, 'upload_rejected')).toBe(true);
    expect(await device.pendingUpload()).toBeNull();
  });
});

describe('recursive upload after an F1 warning', () => {
  it("takes the F1 warning's exposure date when the person gives none", async () => {
    const http = fakeServer({ '55556666': { testtype: 'recursive', symptomDate: '2026-11-01' } });
    const { device, store } = await phoneWithDays(http, 6);
    await store.set('warnings/current', { level: 'F1', exposureDate: '2026-11-04' });
    expect((await device.prepareUpload('55556666')).days).toEqual(['2026-11-04', '2026-11-05', '2026-11-06']);
  });
});
