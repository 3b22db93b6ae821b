import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.app.close());

describe('HTTP server', () => {
  it('answers /healthz and /readyz', async () => {
    expect((await t.app.server.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
    expect((await t.app.server.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
  });

  it('logs requests without IP addresses, codes, tokens, certificates or API keys', async () => {
    const { adminKey, deviceKey } = await t.provision();
    const issued = (await t.post('/api/issue', adminKey, { testType: 'confirmed', testDate: '2026-03-09' }))
      .json;
    const token = (
      await t.app.server.inject({
        method: 'POST',
        url: '/api/verify',
        headers: { 'x-api-key': deviceKey, 'x-forwarded-for': '203.0.113.77' },
        remoteAddress: '198.51.100.23',
        payload: { code: issued.code },
      })
    ).json().token as string;
    const cert = await t.post('/api/certificate', deviceKey, {
      token,
      ekeyhmac: Buffer.alloc(32, 1).toString('base64'),
    });
    await t.post('/api/verify', deviceKey, { code: issued.longCode });
    const logs = t.logs.join('');
    expect(logs).toContain('"route":"/api/verify"');
    for (const secret of [
      issued.code,
      issued.longCode,
      token.split('.')[2],
      (cert.json.certificate as string).split('.')[2],
      adminKey,
      deviceKey,
      '198.51.100.23',
      '203.0.113.77',
      '127.0.0.1',
    ])
      expect(logs).not.toContain(secret as string);
  });

  it('serves its OpenAPI document and Swagger UI offline at /docs', async () => {
    const document = (await t.app.server.inject({ method: 'GET', url: '/docs/json' })).json();
    expect(document.openapi).toBe('3.0.3');
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/issue',
        '/api/batch-issue',
        '/api/checkcodestatus',
        '/api/expirecode',
        '/api/verify',
        '/api/certificate',
      ]),
    );
    const verify = document.paths['/api/verify'].post;
    expect(verify.security).toEqual([{ deviceApiKey: [] }]);
    expect(Object.keys(verify.requestBody.content['application/json'].schema.properties)).toEqual([
      'code',
      'accept',
      'padding',
    ]);
    expect(Object.keys(verify.responses)).toEqual(expect.arrayContaining(['200', '4XX', '5XX']));
    const ui = await t.app.server.inject({ method: 'GET', url: '/docs' });
    expect(ui.statusCode).toBe(200);
    expect(ui.body).toContain('swagger-ui');
    const script = await t.app.server.inject({ method: 'GET', url: '/docs/static/swagger-ui-bundle.js' });
    expect(script.statusCode).toBe(200);
  });

  it('answers with a padding field of varying length', async () => {
    const { adminKey } = await t.provision();
    const sizes = new Set<number>();
    for (let i = 0; i < 5; i++) {
      const issued = await t.post('/api/issue', adminKey, { testType: 'negative' });
      sizes.add((issued.json.padding as string).length);
    }
    expect(sizes.size).toBeGreaterThan(1);
  });
});
