import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.js';

let t: TestApp;
let keys: { adminKey: string; deviceKey: string };
beforeAll(async () => {
  t = await createTestApp({ BLUEZONE_VERIFY_RATE_LIMIT: '10000', BLUEZONE_DAILY_ISSUE_QUOTA: '100000' });
  keys = await t.provision();
});
afterAll(() => t.app.close());

const ROUTES: [string, 'admin' | 'device', string[]][] = [
  ['/api/issue', 'admin', ['testType', 'symptomDate', 'testDate', 'tzOffset', 'phone', 'uuid', 'padding']],
  ['/api/batch-issue', 'admin', ['codes', 'padding']],
  ['/api/checkcodestatus', 'admin', ['uuid', 'padding']],
  ['/api/expirecode', 'admin', ['uuid', 'padding']],
  ['/api/verify', 'device', ['code', 'accept', 'padding']],
  ['/api/certificate', 'device', ['token', 'ekeyhmac', 'padding']],
];

/** Values a hostile or buggy client might put in a field: right-looking strings and junk. */
const fieldValue = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(
    'confirmed',
    'recursive',
    '2026-03-09',
    '2999-01-01',
    '0000-00-00',
    '12345678',
    'a'.repeat(16),
  ),
  fc.uuid(),
  fc.string({ maxLength: 40 }),
  fc.integer(),
  fc.array(fc.constantFrom('confirmed', 'likely', 'negative', 'recursive', 'positive'), { maxLength: 5 }),
);

const send = async (url: string, key: string, payload: string) => {
  const response = await t.app.server.inject({
    method: 'POST',
    url,
    headers: { 'content-type': 'application/json', 'x-api-key': key },
    payload,
  });
  return { status: response.statusCode, body: response.body };
};

const wellFormed = (response: { status: number; body: string }) => {
  expect(response.status).toBeLessThan(500);
  const json = JSON.parse(response.body) as Record<string, unknown>;
  if (response.status >= 400) expect(typeof json.errorCode).toBe('string');
  expect(response.body).not.toMatch(/\.ts:\d+|node_modules/);
};

describe('random and mutated requests never cause a 5xx', () => {
  it.each(ROUTES)('%s with objects of its own fields', async (url, type, fields) => {
    const key = type === 'admin' ? keys.adminKey : keys.deviceKey;
    const body = fc.dictionary(fc.constantFrom(...fields), fieldValue, { maxKeys: fields.length });
    await fc.assert(
      fc.asyncProperty(body, async (value) => wellFormed(await send(url, key, JSON.stringify(value)))),
      { numRuns: 60 },
    );
  });

  it.each(ROUTES)('%s with arbitrary text as the body', async (url, type) => {
    const key = type === 'admin' ? keys.adminKey : keys.deviceKey;
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ maxLength: 80 }), fc.json({ maxDepth: 3 })), async (text) =>
        wellFormed(await send(url, key, text)),
      ),
      { numRuns: 40 },
    );
  });
});
