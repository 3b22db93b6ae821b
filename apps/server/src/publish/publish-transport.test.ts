import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Authority,
  pastKeys,
  publish,
  publishRequest,
  storedExposures,
} from '../testing/publish-test-kit.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';

let t: TestApp;
let authority: Authority;
beforeAll(async () => {
  t = await createTestApp({ BLUEZONE_VERIFY_RATE_LIMIT: '10000' });
  authority = await t.provision();
});
afterAll(() => t.app.close());

const paddingOf = (json: Record<string, unknown>) => (json.padding as string).length;

describe('what an observer of the traffic sees', () => {
  it('pads every answer with 1–2 KB of random base64', async () => {
    const request = await publishRequest(t, authority, 'confirmed', pastKeys(t, 3));
    const answers = [
      await publish(t, request),
      await publish(t, { ...request, temporaryExposureKeys: [] }),
      await publish(t, '{"not json'),
      await publish(t, { temporaryExposureKeys: 'x' }),
    ];
    const sizes = new Set<number>();
    for (const answer of answers) {
      expect(paddingOf(answer.json)).toBeGreaterThanOrEqual(1024);
      expect(paddingOf(answer.json)).toBeLessThanOrEqual(2048);
      expect(answer.json.padding).toMatch(/^[A-Za-z0-9+/]+$/);
      sizes.add(answer.text.length);
    }
    expect(answers.map((a) => a.json.code)).toEqual([
      undefined,
      'no_keys',
      'unparsable_request',
      'invalid_request',
    ]);
    expect(answers.map((a) => a.status)).toEqual([200, 400, 400, 400]);
    expect(sizes.size).toBeGreaterThan(1);
  });

  it('answers chaff like a real publish and stores nothing', async () => {
    const fresh = await t.provision();
    const keys = pastKeys(t, 14);
    const request = await publishRequest(t, fresh, 'confirmed', keys);
    const chaff = await publish(t, request, { 'x-chaff': '1' });
    const broken = await publish(t, '{"garbage', { 'x-chaff': '1' });
    expect(await storedExposures(t, fresh.healthAuthorityId)).toHaveLength(0);
    const real = await publish(t, request);
    expect(chaff.status).toBe(real.status);
    expect(Object.keys(chaff.json).sort()).toEqual(Object.keys(real.json).sort());
    expect(chaff.json.insertedExposures).toBe(14);
    expect((chaff.json.revisionToken as string).length).toBe((real.json.revisionToken as string).length);
    expect(paddingOf(chaff.json)).toBeGreaterThanOrEqual(1024);
    expect(broken.status).toBe(200);
    expect(paddingOf(broken.json)).toBeGreaterThanOrEqual(1024);
    expect(await storedExposures(t, fresh.healthAuthorityId)).toHaveLength(14);
  });

  it('caps requests at 64 KB with 413 body_too_large', async () => {
    const request = await publishRequest(t, authority, 'confirmed', pastKeys(t, 2));
    const big = JSON.stringify({ ...request, padding: 'A'.repeat(10_000), extra: 'B'.repeat(60_000) });
    for (const headers of [{}, { 'x-chaff': '1' }] as Record<string, string>[]) {
      const answer = await publish(t, big, headers);
      expect(answer.status).toBe(413);
      expect(answer.json.code).toBe('body_too_large');
      expect(paddingOf(answer.json)).toBeGreaterThanOrEqual(1024);
    }
    const fits = JSON.stringify({ ...request, extra: 'B'.repeat(50_000) });
    expect((await publish(t, fits)).json.insertedExposures).toBe(2);
  });

  it('logs no key material, certificate or address', async () => {
    const keys = pastKeys(t, 2);
    const request = await publishRequest(t, authority, 'likely', keys);
    await publish(t, request);
    await publish(t, { ...request, hmacKey: 'AAAA' });
    const log = t.logs.join('\n');
    for (const secret of [request.verificationPayload, request.hmacKey, ...keys.map((k) => k.key)])
      expect(log).not.toContain(secret);
    expect(log).not.toContain('127.0.0.1');
    expect(log).toContain('"errorCode":"invalid_hmac_key"');
  });
});
