import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ BLUEZONE_TRUSTED_PROXIES: '10.0.0.0/8', BLUEZONE_VERIFY_RATE_LIMIT: '3' });
});
afterAll(() => t.app.close());

describe('client address behind a trusted proxy', () => {
  it('is what the proxy saw: addresses a client adds to X-Forwarded-For do not escape the rate limit', async () => {
    const { deviceKey } = await t.provision();
    const guess = (forwardedFor: string) =>
      t.app.server.inject({
        method: 'POST',
        url: '/api/verify',
        headers: { 'x-api-key': deviceKey, 'x-forwarded-for': forwardedFor },
        remoteAddress: '10.0.0.1',
        payload: { code: '22222222' },
      });
    for (let i = 0; i < 3; i++) expect((await guess(`192.0.2.${i}, 198.51.100.9`)).statusCode).toBe(400);
    expect((await guess('192.0.2.77, 198.51.100.9')).statusCode).toBe(429);
    // Another real client behind the same proxy has its own budget.
    expect((await guess('198.51.100.10')).statusCode).toBe(400);
    // A client that is not a trusted proxy cannot claim another address at all.
    const direct = (forwardedFor: string) =>
      t.app.server.inject({
        method: 'POST',
        url: '/api/verify',
        headers: { 'x-api-key': deviceKey, 'x-forwarded-for': forwardedFor },
        remoteAddress: '203.0.113.5',
        payload: { code: '22222222' },
      });
    for (let i = 0; i < 3; i++) expect((await direct(`192.0.2.${i}`)).statusCode).toBe(400);
    expect((await direct('192.0.2.99')).statusCode).toBe(429);
  });
});
