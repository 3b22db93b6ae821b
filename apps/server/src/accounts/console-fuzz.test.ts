import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, signIn, userAgent } from '../testing/console-test-kit.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';

// The documented console routes under random bodies, paths and query strings, signed in with a valid
// CSRF token (the server-wide fuzz test reaches them only signed out): never a 5xx, always a named error.

let t: TestApp;
let agent: Agent & { username: string; password: string };
let routes: { method: 'GET' | 'POST'; path: string }[];

beforeAll(async () => {
  t = await createTestApp({ BLUEZONE_DAILY_ISSUE_QUOTA: '100000' });
  await t.provision('VN');
  agent = await userAgent(t, { role: 'national' });
  const document = (await t.app.server.inject({ method: 'GET', url: '/docs/json' })).json() as {
    paths: Record<string, Record<string, unknown>>;
  };
  routes = Object.entries(document.paths)
    .filter(([path]) => path.startsWith('/console/'))
    .flatMap(([path, methods]) =>
      Object.keys(methods)
        .filter((m) => m === 'get' || m === 'post')
        .map((method) => ({ method: method.toUpperCase() as 'GET' | 'POST', path })),
    );
});
afterAll(() => t.app.close());

const text = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom(
    'VN-20',
    'VN-06',
    'vn-hn',
    'confirmed',
    'recursive',
    'likely',
    '2026-03-09',
    '',
    'a'.repeat(200),
  ),
);
const body = fc.oneof(
  fc.json({ maxDepth: 2 }),
  fc.record(
    {
      username: text,
      password: text,
      role: fc.constantFrom('national', 'province', 'caseworker', 'analyst', 'root'),
      province: fc.oneof(text, fc.constant(null)),
      testType: text,
      testDate: text,
      symptomDate: text,
      tzOffset: fc.integer({ min: -2000, max: 2000 }),
      uuid: fc.oneof(text, fc.uuid()),
      code: text,
      resetTotp: fc.boolean(),
    },
    { requiredKeys: [] },
  ),
);

describe('console routes under random requests, signed in', () => {
  it('never answer 5xx and always name the error', async () => {
    expect(routes.length).toBeGreaterThanOrEqual(10);
    await fc.assert(
      fc.asyncProperty(
        fc.nat(),
        body,
        fc.string({ maxLength: 20 }).map(encodeURIComponent),
        fc.constantFrom('', '?limit=5', '?limit=0', '?limit=99999', '?before=3', '?limit=x'),
        async (pick, payload, segment, query) => {
          const route = routes[pick % routes.length] as { method: 'GET' | 'POST'; path: string };
          const url =
            route.path.replace(/\{[^}]+\}/g, segment || 'x') + (route.method === 'GET' ? query : '');
          let answer = await agent.request(route.method, url, route.method === 'POST' ? payload : undefined);
          if (answer.json.errorCode === 'not_signed_in') {
            agent = { ...agent, ...(await signIn(t, agent.username, agent.password)) };
            answer = await agent.request(route.method, url, route.method === 'POST' ? payload : undefined);
          }
          expect(answer.status, `${route.method} ${url}`).toBeLessThan(500);
          if (answer.status >= 400)
            expect(typeof answer.json.errorCode, `${route.method} ${url}`).toBe('string');
        },
      ),
      { numRuns: 300 },
    );
  }, 600_000);
});
