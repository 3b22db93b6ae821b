import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exposures } from '../database/schema.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';

// Every route the server documents gets random methods, paths, headers and bodies: never a 5xx, never
// a stack trace, an error code on every API error, and no key published.

let t: TestApp;
let apiKeys: string[];
let routes: { method: string; path: string }[];

beforeAll(async () => {
  t = await createTestApp({ BLUEZONE_VERIFY_RATE_LIMIT: '10000', BLUEZONE_DAILY_ISSUE_QUOTA: '100000' });
  const authority = await t.provision('VN');
  apiKeys = [authority.adminKey, authority.deviceKey];
  const document = (await t.app.server.inject({ method: 'GET', url: '/docs/json' })).json() as {
    paths: Record<string, Record<string, unknown>>;
  };
  routes = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.keys(methods).map((method) => ({ method: method.toUpperCase(), path })),
  );
});
afterAll(() => t.app.close());

const segment = fc.oneof(
  fc.constantFrom(
    'VN',
    'vn',
    '..',
    '%2e%2e',
    'index.txt',
    'keys.json',
    '1-2-00001.zip',
    '',
    '%00',
    'a'.repeat(300),
  ),
  fc.string({ maxLength: 30 }).map(encodeURIComponent),
);
const body = fc.oneof(
  fc.json({ maxDepth: 3 }),
  fc.string({ maxLength: 200 }),
  fc.constantFrom(
    '{',
    '[]',
    'null',
    '{"temporaryExposureKeys":[{"key":"AAAA"}]}',
    '\u0000',
    '{"a":1}'.repeat(50),
  ),
);
const headers = fc.record(
  {
    'content-type': fc.constantFrom(
      'application/json',
      'text/plain',
      'application/x-www-form-urlencoded',
      'x/y',
    ),
    'x-api-key': fc.oneof(fc.constantFrom('', 'nope'), fc.string({ maxLength: 40 })),
    'if-none-match': fc.oneof(fc.constant('*'), fc.string({ maxLength: 40 })),
    'x-chaff': fc.constantFrom('1', 'yes', ''),
    'x-forwarded-for': fc.constantFrom('1.2.3.4', 'garbage', '::1, 10.0.0.1'),
  },
  { requiredKeys: [] },
);

const asciiHeaders = (h: Record<string, string>) =>
  Object.fromEntries(Object.entries(h).filter(([, v]) => /^[\x20-\x7e]*$/.test(v)));

describe('every documented route under random requests', () => {
  it('lists the routes of all four APIs', () => {
    const paths = routes.map((r) => r.path);
    for (const expected of [
      '/api/issue',
      '/api/verify',
      '/v1/publish',
      '/v1/exports/{region}/index.txt',
      '/healthz',
    ])
      expect(paths).toContain(expected);
  });

  it('never answers 5xx, never leaks a stack, always names the error', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat(),
        fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'HEAD'),
        fc.boolean(),
        fc.array(segment, { minLength: 1, maxLength: 3 }),
        body,
        headers,
        fc.nat(2),
        async (pick, otherMethod, keepMethod, segments, payload, extra, keyChoice) => {
          const route = routes[pick % routes.length] as { method: string; path: string };
          let n = 0;
          const url = route.path.replace(/\{[^}]+\}/g, () => segments[n++ % segments.length] ?? 'x');
          const method = keepMethod ? route.method : otherMethod;
          const key = keyChoice < 2 ? apiKeys[keyChoice] : extra['x-api-key'];
          const response = await t.app.server.inject({
            method: method as 'GET',
            url,
            headers: asciiHeaders({ ...extra, ...(key === undefined ? {} : { 'x-api-key': key }) }),
            ...(method === 'GET' || method === 'HEAD' ? {} : { payload }),
          });
          expect(response.statusCode, `${method} ${url}`).toBeLessThan(500);
          expect(response.body).not.toMatch(/\.ts:\d+|node_modules|at .+\(/);
          const type = String(response.headers['content-type'] ?? '');
          if (response.statusCode >= 400 && type.includes('json') && method !== 'HEAD') {
            // The key server's publish answers carry GAEN's `code`; every other API `errorCode`.
            const json = response.json() as { errorCode?: unknown; code?: unknown };
            expect(typeof (json.errorCode ?? json.code), `${method} ${url}`).toBe('string');
          }
        },
      ),
      { numRuns: 600 },
    );
    expect(await t.app.core.db.select().from(exposures)).toEqual([]);
  }, 600_000);
});
