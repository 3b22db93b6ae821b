import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, signIn, userAgent } from '../testing/console-test-kit.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';

// The adoption, campaign and statistics routes under random requests with plausible field names,
// signed in as a national administrator and as a provincial officer: never a 5xx, always a named error.

let t: TestApp;
let agents: (Agent & { username: string; password: string })[];
let routes: { method: 'GET' | 'POST' | 'DELETE'; path: string }[];

beforeAll(async () => {
  t = await createTestApp();
  agents = [
    await userAgent(t, { role: 'national' }),
    await userAgent(t, { role: 'province', province: 'VN-20' }),
  ];
  const document = (await t.app.server.inject({ method: 'GET', url: '/docs/json' })).json() as {
    paths: Record<string, Record<string, unknown>>;
  };
  routes = Object.entries(document.paths)
    .filter(([path]) => /^\/(console\/api\/(adoption|campaigns|statistics)|v1\/adoption)/.test(path))
    .flatMap(([path, methods]) =>
      Object.keys(methods)
        .filter((m) => m === 'get' || m === 'post' || m === 'delete')
        .map((method) => ({ method: method.toUpperCase() as 'GET' | 'POST' | 'DELETE', path })),
    );
});
afterAll(() => t.app.close());

const text = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom(
    'VN-20',
    'VN-06',
    'VN',
    '336',
    '132',
    'ACDEFG',
    'sms:viettel',
    'poster',
    '2026-02-30',
    '2026-03-20',
    '\u0000',
    'a'.repeat(300),
  ),
);
const number = fc.oneof(fc.integer(), fc.double(), fc.constantFrom(0, 0.6, 1, 1.5, -1, 1e300));
const csv = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc
    .array(fc.tuple(text, text, text, text, fc.oneof(text, fc.nat().map(String))), { maxLength: 5 })
    .map((lines) => ['date,province,district,source,installs', ...lines.map((l) => l.join(','))].join('\n')),
);
const body = fc.oneof(
  fc.json({ maxDepth: 2 }),
  fc.record(
    {
      province: text,
      district: text,
      organisation: text,
      channel: text,
      platform: fc.constantFrom('android', 'ios', 'web', 'x'),
      appVersion: fc.constantFrom('4.0.2', '1.0', 'x'),
      area: text,
      kind: fc.constantFrom('population_share', 'smartphone_share', 'absolute', 'x'),
      share: number,
      baseCount: number,
      deadline: text,
      label: text,
      name: text,
      type: fc.constantFrom('union', 'company', 'school', 'x'),
      csv,
    },
    { requiredKeys: [] },
  ),
);

describe('adoption, campaign and statistics routes under random requests', () => {
  it('never answer 5xx and always name the error', async () => {
    expect(routes.length).toBeGreaterThanOrEqual(15);
    await fc.assert(
      fc.asyncProperty(
        fc.nat(),
        fc.nat(),
        body,
        fc.oneof(text, fc.string({ maxLength: 20 })).map(encodeURIComponent),
        fc.constantFrom(
          '',
          '?province=VN-06',
          '?province=VN-20',
          '?province=x',
          '?from=2026-03-01&to=2026-02-30',
          '?to=2026-13-45',
        ),
        async (pick, who, payload, segment, query) => {
          const route = routes[pick % routes.length] as (typeof routes)[number];
          const index = who % agents.length;
          const agent = agents[index] as (typeof agents)[number];
          const url =
            route.path.replace(/\{[^}]+\}/g, segment || 'x') + (route.method === 'GET' ? query : '');
          const send = (a: Agent) =>
            a.request(route.method, url, route.method === 'POST' ? payload : undefined);
          let answer = await send(agent);
          if (answer.json.errorCode === 'not_signed_in') {
            agents[index] = { ...agent, ...(await signIn(t, agent.username, agent.password)) };
            answer = await send(agents[index] as Agent);
          }
          expect(answer.status, `${route.method} ${url} ${JSON.stringify(payload)}`).toBeLessThan(500);
          if (answer.status >= 400)
            expect(typeof answer.json.errorCode, `${route.method} ${url}`).toBe('string');
        },
      ),
      { numRuns: 400 },
    );
  }, 600_000);
});
