import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.js';

let t: TestApp;
let keys: { adminKey: string; deviceKey: string };
beforeAll(async () => {
  t = await createTestApp();
  keys = await t.provision();
});
afterAll(() => t.app.close());

const raw = (url: string, payload: string, headers: Record<string, string> = {}) =>
  t.app.server.inject({
    method: 'POST',
    url,
    headers: { 'content-type': 'application/json', 'x-api-key': keys.deviceKey, ...headers },
    payload,
  });

describe('bad input answers a documented 4xx code, never a 500 or a stack trace', () => {
  it('API keys: missing, unknown, or of the wrong type', async () => {
    const body = { code: '12345678' };
    expect((await t.post('/api/verify', undefined, body)).json).toMatchObject({ errorCode: 'unauthorized' });
    expect((await t.post('/api/verify', 'bzd_nope', body)).status).toBe(401);
    const wrong = await t.post('/api/verify', keys.adminKey, body);
    expect([wrong.status, wrong.json.errorCode]).toEqual([403, 'forbidden']);
    const wrongAdmin = await t.post('/api/issue', keys.deviceKey, { testType: 'confirmed' });
    expect([wrongAdmin.status, wrongAdmin.json.errorCode]).toEqual([403, 'forbidden']);
  });

  it.each([
    ['bad JSON', '{"code": "1234', 400, 'unparsable_request'],
    ['an empty body', '', 400, 'unparsable_request'],
    ['a wrong type', '{"code": 12345678}', 400, 'invalid_request'],
    ['a missing field', '{"accept": ["confirmed"]}', 400, 'invalid_request'],
    [
      'an unknown test type in accept',
      '{"code": "12345678", "accept": ["positive"]}',
      400,
      'invalid_request',
    ],
    ['an array body', '[1,2]', 400, 'invalid_request'],
    ['a JSON null', 'null', 400, 'invalid_request'],
  ])('%s', async (_name, payload, status, errorCode) => {
    const response = await raw('/api/verify', payload);
    expect(response.statusCode).toBe(status);
    expect(response.json()).toMatchObject({ errorCode });
    expect(response.body).not.toMatch(/at .*\.(ts|js):\d+/);
  });

  it('an oversized body', async () => {
    const response = await raw(
      '/api/verify',
      JSON.stringify({ code: '12345678', padding: 'x'.repeat(70_000) }),
    );
    expect([response.statusCode, response.json().errorCode]).toEqual([413, 'body_too_large']);
  });

  it('a body that is not JSON', async () => {
    const response = await raw('/api/verify', 'code=12345678', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect([response.statusCode, response.json().errorCode]).toEqual([415, 'unsupported_media_type']);
  });

  it('unknown routes and methods', async () => {
    const unknown = await t.app.server.inject({ method: 'POST', url: '/api/verify-not' });
    expect([unknown.statusCode, unknown.json().errorCode]).toEqual([404, 'not_found']);
    const wrongMethod = await t.app.server.inject({ method: 'GET', url: '/api/verify?code=1' });
    expect([wrongMethod.statusCode, wrongMethod.json().errorCode]).toEqual([405, 'method_not_allowed']);
    expect(wrongMethod.headers.allow).toBe('POST');
    const getOnly = await t.app.server.inject({ method: 'DELETE', url: '/v1/exports/VN/index.txt' });
    expect([getOnly.statusCode, getOnly.headers.allow]).toEqual([405, 'GET, HEAD']);
    const missingExport = await t.app.server.inject({ method: 'POST', url: '/v1/nothing/VN/index.txt' });
    expect(missingExport.statusCode).toBe(404);
  });

  it.each([
    [{ testType: 'positive', testDate: '2026-03-09' }, 'invalid_test_type'],
    [{ testType: 'confirmed' }, 'missing_date'],
    [{ testType: 'confirmed', testDate: '2026-03-11' }, 'invalid_date'],
    [{ testType: 'confirmed', testDate: '2026-02-01' }, 'invalid_date'],
    [{ testType: 'confirmed', symptomDate: '9 March' }, 'invalid_date'],
    [{ testType: 'confirmed', testDate: '2026-03-09', phone: '+84 912 345 678' }, 'phone_not_accepted'],
    [{ testType: 'confirmed', testDate: '2026-03-09', uuid: 'not-a-uuid' }, 'invalid_request'],
    [{ testType: 'confirmed', testDate: '2026-03-09', tzOffset: 'UTC+7' }, 'invalid_request'],
  ])('issuing %j answers %s', async (body, errorCode) => {
    const response = await t.post('/api/issue', keys.adminKey, body);
    expect(response.status).toBe(400);
    expect(response.json.errorCode).toBe(errorCode);
  });

  it('certificate requests with a garbage token or HMAC', async () => {
    const cases: [unknown, string][] = [
      [{ token: 'x.y.z', ekeyhmac: Buffer.alloc(32).toString('base64') }, 'token_invalid'],
      [{ token: 'eyJhbGciOiJub25lIn0.e30.', ekeyhmac: Buffer.alloc(32).toString('base64') }, 'token_invalid'],
      [{ token: 'x.y.z', ekeyhmac: 'not base64!' }, 'hmac_invalid'],
      [{ token: 'x.y.z' }, 'invalid_request'],
    ];
    for (const [body, errorCode] of cases) {
      const response = await t.post('/api/certificate', keys.deviceKey, body);
      expect(response.status).toBe(400);
      expect(response.json.errorCode).toBe(errorCode);
    }
  });
});
