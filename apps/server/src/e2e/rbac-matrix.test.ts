import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsoleRole } from '../database/accounts.schema.js';
import { type Agent, signIn, userAgent } from '../testing/console-test-kit.js';
import { type OpenApiDocument, operationsOf } from '../testing/openapi-walk.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';

// The role table of docs/console.md as data: every console route of the served OpenAPI document ×
// every role (and signed out) × a request about the user's own province and about another one → allowed
// or refused with the expected code. A console route missing from RULES fails the test, so a new route
// cannot skip the matrix; a rule for a route that no longer exists fails too.

type Role = ConsoleRole | 'signedOut';
const ROLES: readonly Role[] = ['national', 'province', 'caseworker', 'analyst', 'signedOut'];
const OWN = 'VN-20'; // Thái Bình: the province of every provincial test user
const OTHER = 'VN-06'; // Yên Bái
type Area = typeof OWN | typeof OTHER;

interface Rule {
  /** Roles the route lets through (docs/console.md, "Who sees what"). */
  readonly roles: readonly ConsoleRole[];
  /** Whether the request names a province: then a user of OWN is refused for OTHER (`forbidden_area`). */
  readonly scoped: boolean;
  /** The code another province's request is refused with, when not `forbidden_area`. */
  readonly otherAreaRefusal?: string;
  /** The request about `area` (fixtures made by a national administrator). Default: the route's path. */
  readonly request?: (area: Area) => Promise<{ url: string; body?: unknown }>;
}

const ALL: readonly ConsoleRole[] = ['national', 'province', 'caseworker', 'analyst'];
const ADMINS: readonly ConsoleRole[] = ['national', 'province']; // users, audit, campaign writes, imports
const READERS: readonly ConsoleRole[] = ['national', 'province', 'analyst']; // adoption, campaigns
const CODES: readonly ConsoleRole[] = ['national', 'province', 'caseworker'];
const DECLARATIONS: readonly ConsoleRole[] = ['national', 'province', 'caseworker'];
const VENUE_WARNERS: readonly ConsoleRole[] = ['national', 'province', 'caseworker'];

let t: TestApp;
let deviceKey: string;
let national: Agent;
let made = 0;
const yesterday = '2026-03-09';
const asNational = async (method: 'POST' | 'GET', url: string, body?: unknown) => {
  const answer = await national.request(method, url, body);
  if (answer.status !== 200 && answer.status !== 201)
    throw new Error(`${url}: ${JSON.stringify(answer.json)}`);
  return answer.json;
};
const organisation = async (area: Area) =>
  String(
    (
      await asNational('POST', '/console/api/campaigns/organisations', {
        name: `Org ${made++}`,
        type: 'union',
        province: area,
      })
    ).code,
  );
const link = async (area: Area) =>
  String(
    (await asNational('POST', '/console/api/campaigns/links', { channel: 'poster', province: area })).code,
  );
const target = async (area: Area) =>
  String((await asNational('POST', '/console/api/campaigns/targets', targetBody(area))).id);
const targetBody = (area: Area) => ({ area, kind: 'absolute', baseCount: 1000, deadline: '2026-04-30' });
const caseworker = async (area: Area) => {
  const username = `matrix-worker-${made++}`;
  await asNational('POST', '/console/api/users', {
    username,
    password: 'password-long-enough',
    role: 'caseworker',
    province: area,
  });
  return username;
};
const consoleCode = async (area: Area) =>
  String(
    (
      await asNational('POST', '/console/api/codes', {
        testType: 'confirmed',
        testDate: yesterday,
        province: area,
      })
    ).uuid,
  );
const declaration = async (area: Area) => {
  const name = `Người khai ${made++}`;
  const sent = await t.post('/api/declarations', deviceKey, {
    level: 'F1',
    exposureDate: '2026-03-07',
    name,
    phone: '+84912345678',
    address: 'Số 5 Lê Lợi',
    province: area,
  });
  if (sent.status !== 201) throw new Error(JSON.stringify(sent.json));
  const listed = (await asNational('GET', `/console/api/declarations?province=${area}`)).declarations as {
    id: string;
    name: string;
  }[];
  return String(listed.find((d) => d.name === name)?.id);
};

const venueBody = { name: 'Chợ', address: 'Số 1', locationType: 3, defaultCheckInLengthInMinutes: 30 };
const venue = async (area: Area) =>
  String((await asNational('POST', '/console/api/venues', { ...venueBody, province: area })).id);

/** A route whose request names a province: a user of OWN is refused for OTHER. */
const inArea = (roles: readonly ConsoleRole[], request: NonNullable<Rule['request']>): Rule => ({
  roles,
  scoped: true,
  request,
});
/** A route whose request names no province (the answer is scoped to the user's own, if any). */
const anywhere = (roles: readonly ConsoleRole[]): Rule => ({ roles, scoped: false });

const RULES: Record<string, Rule> = {
  'POST /console/api/adoption/import': {
    roles: ADMINS,
    scoped: true,
    // All or nothing, every problem listed by line: another province's line is one of them.
    otherAreaRefusal: 'import_invalid',
    request: async (area) => ({
      url: '/console/api/adoption/import',
      body: { csv: `date,province,district,source,installs\n${yesterday},${area},,store,12` },
    }),
  },
  'GET /console/api/adoption/national': anywhere(READERS),
  'GET /console/api/adoption/provinces/{iso}': inArea(READERS, async (a) => ({
    url: `/console/api/adoption/provinces/${a}`,
  })),
  'GET /console/api/adoption/timeseries': inArea(READERS, async (a) => ({
    url: `/console/api/adoption/timeseries?province=${a}`,
  })),
  'GET /console/api/audit': anywhere(ADMINS),
  'GET /console/api/planning/adoption-curve': inArea(READERS, async (a) => ({
    url: `/console/api/planning/adoption-curve?area=${a}`,
  })),
  'GET /console/api/campaigns/links': inArea(READERS, async (a) => ({
    url: `/console/api/campaigns/links?province=${a}`,
  })),
  'POST /console/api/campaigns/links': inArea(ADMINS, async (a) => ({
    url: '/console/api/campaigns/links',
    body: { channel: 'poster', province: a },
  })),
  'DELETE /console/api/campaigns/links/{code}': inArea(ADMINS, async (a) => ({
    url: `/console/api/campaigns/links/${await link(a)}`,
  })),
  'GET /console/api/campaigns/links/{code}/poster.pdf': inArea(READERS, async (a) => ({
    url: `/console/api/campaigns/links/${await link(a)}/poster.pdf`,
  })),
  'GET /console/api/campaigns/organisations': inArea(READERS, async (a) => ({
    url: `/console/api/campaigns/organisations?province=${a}`,
  })),
  'POST /console/api/campaigns/organisations': inArea(ADMINS, async (a) => ({
    url: '/console/api/campaigns/organisations',
    body: { name: `Org ${made++}`, type: 'school', province: a },
  })),
  'DELETE /console/api/campaigns/organisations/{code}': inArea(ADMINS, async (a) => ({
    url: `/console/api/campaigns/organisations/${await organisation(a)}`,
  })),
  'GET /console/api/campaigns/organisations/{code}/poster.pdf': inArea(READERS, async (a) => ({
    url: `/console/api/campaigns/organisations/${await organisation(a)}/poster.pdf`,
  })),
  'GET /console/api/campaigns/targets': inArea(READERS, async (a) => ({
    url: `/console/api/campaigns/targets?province=${a}`,
  })),
  'POST /console/api/campaigns/targets': inArea(ADMINS, async (a) => ({
    url: '/console/api/campaigns/targets',
    body: targetBody(a),
  })),
  'POST /console/api/campaigns/targets/{id}': inArea(ADMINS, async (a) => ({
    url: `/console/api/campaigns/targets/${await target(a)}`,
    body: targetBody(a),
  })),
  'DELETE /console/api/campaigns/targets/{id}': inArea(ADMINS, async (a) => ({
    url: `/console/api/campaigns/targets/${await target(a)}`,
  })),
  'POST /console/api/codes': inArea(CODES, async (a) => ({
    url: '/console/api/codes',
    body: { testType: 'confirmed', testDate: yesterday, province: a },
  })),
  // Analysts list codes (status only, never the code); the list is the user's province's.
  'GET /console/api/codes': anywhere(ALL),
  'POST /console/api/codes/expire': inArea(CODES, async (a) => ({
    url: '/console/api/codes/expire',
    body: { uuid: await consoleCode(a) },
  })),
  'GET /console/api/declarations': inArea(DECLARATIONS, async (a) => ({
    url: `/console/api/declarations?province=${a}`,
  })),
  'POST /console/api/declarations/{id}/status': inArea(DECLARATIONS, async (a) => ({
    url: `/console/api/declarations/${await declaration(a)}/status`,
    body: { status: 'contacted' },
  })),
  'GET /console/api/venues': inArea(ALL, async (a) => ({ url: `/console/api/venues?province=${a}` })),
  'POST /console/api/venues': inArea(ADMINS, async (a) => ({
    url: '/console/api/venues',
    body: { ...venueBody, province: a },
  })),
  'GET /console/api/venues/{id}': inArea(ALL, async (a) => ({
    url: `/console/api/venues/${await venue(a)}`,
  })),
  'POST /console/api/venues/{id}': inArea(ADMINS, async (a) => ({
    url: `/console/api/venues/${await venue(a)}`,
    body: venueBody,
  })),
  'DELETE /console/api/venues/{id}': inArea(ADMINS, async (a) => ({
    url: `/console/api/venues/${await venue(a)}`,
  })),
  'GET /console/api/venues/{id}/poster.pdf': inArea(ALL, async (a) => ({
    url: `/console/api/venues/${await venue(a)}/poster.pdf?size=a5`,
  })),
  'POST /console/api/venues/{id}/warnings': inArea(VENUE_WARNERS, async (a) => ({
    url: `/console/api/venues/${await venue(a)}/warnings`,
    body: { date: yesterday, from: '07:00', to: '11:00', transmissionRiskLevel: 5 },
  })),
  'GET /console/api/venues/posters.zip': inArea(ALL, async (a) => ({
    url: `/console/api/venues/posters.zip?organisation=${await organisation(a)}`,
  })),
  'POST /console/api/venues/import': inArea(ADMINS, async (a) => ({
    url: '/console/api/venues/import',
    body: {
      province: a,
      csv: 'name,address,type,check_in_minutes,start,end,district\nChợ,Số 1,3,30,,,',
    },
  })),
  'GET /console/api/venues/statistics': anywhere(ALL),
  'GET /console/api/session': anywhere(ALL),
  'DELETE /console/api/session': anywhere(ALL),
  'POST /console/api/session/totp': anywhere(ALL),
  'POST /console/api/session/totp/confirm': {
    ...anywhere(ALL),
    request: async () => ({ url: '/console/api/session/totp/confirm', body: { code: '000000' } }),
  },
  'GET /console/api/statistics': anywhere(ALL),
  'GET /console/api/users': anywhere(ADMINS),
  // The intended grant: a provincial officer manages the case workers and analysts of its province.
  'POST /console/api/users': inArea(ADMINS, async (a) => ({
    url: '/console/api/users',
    body: {
      username: `matrix-new-${made++}`,
      password: 'password-long-enough',
      role: 'analyst',
      province: a,
    },
  })),
  'POST /console/api/users/{username}/disable': inArea(ADMINS, async (a) => ({
    url: `/console/api/users/${await caseworker(a)}/disable`,
    body: {},
  })),
  'POST /console/api/users/{username}/password': inArea(ADMINS, async (a) => ({
    url: `/console/api/users/${await caseworker(a)}/password`,
    body: { password: 'another-long-password' },
  })),
};
/** Console routes that need no session (signing in). */
const PUBLIC = new Set(['POST /console/api/session']);
const REFUSALS = new Set(['not_signed_in', 'csrf_token_invalid', 'forbidden_role', 'forbidden_area']);

const agents = new Map<Role, Agent & { username: string; password: string }>();
let consoleRoutes: { method: 'GET' | 'POST' | 'DELETE'; path: string }[];

beforeAll(async () => {
  t = await createTestApp({ BLUEZONE_DAILY_ISSUE_QUOTA: '100000' });
  ({ deviceKey } = await t.provision('VN'));
  for (const role of ALL)
    agents.set(role, await userAgent(t, { role, province: role === 'national' ? null : OWN }));
  national = agents.get('national') as Agent;
  const document = (
    await t.app.server.inject({ method: 'GET', url: '/docs/json' })
  ).json() as OpenApiDocument;
  consoleRoutes = operationsOf(document)
    .filter((o) => o.path.startsWith('/console/api/') && !PUBLIC.has(`${o.method} ${o.path}`))
    .map((o) => ({ method: o.method as 'GET' | 'POST' | 'DELETE', path: o.path }));
}, 600_000);
afterAll(() => t.app.close());

/** A request as `agent` (cookie and CSRF token) or signed out; any answer type (posters are PDFs). */
async function send(method: 'GET' | 'POST' | 'DELETE', url: string, body: unknown, agent: Agent | undefined) {
  const response = await t.app.server.inject({
    method,
    url,
    headers: {
      ...(agent ? { cookie: agent.cookie, 'x-csrf-token': agent.csrfToken } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
  });
  const json = String(response.headers['content-type']).includes('json') ? response.json() : {};
  const errorCode = typeof json.errorCode === 'string' ? (json.errorCode as string) : undefined;
  return { status: response.statusCode, errorCode };
}

/** What the rule expects: undefined for allowed, else the refusal's code. */
function expected(rule: Rule, role: Role, area: Area): string | undefined {
  if (role === 'signedOut') return 'not_signed_in';
  if (!rule.roles.includes(role)) return 'forbidden_role';
  if (rule.scoped && role !== 'national' && area === OTHER) return rule.otherAreaRefusal ?? 'forbidden_area';
  return undefined;
}

describe('RBAC matrix: every console route × every role × own and other province', () => {
  it('has a rule for every console route of the document, and no rule for a route that is gone', () => {
    const routes = consoleRoutes.map((r) => `${r.method} ${r.path}`);
    expect(routes.filter((r) => !(r in RULES))).toEqual([]);
    expect(Object.keys(RULES).filter((r) => !routes.includes(r))).toEqual([]);
  });

  it('allows and refuses exactly as the role table says', async () => {
    const wrong: string[] = [];
    let cases = 0;
    for (const route of consoleRoutes) {
      const rule = RULES[`${route.method} ${route.path}`];
      if (!rule) continue;
      for (const role of ROLES)
        for (const area of [OWN, OTHER] as const) {
          const { url, body } = rule.request ? await rule.request(area) : { url: route.path };
          const agent = agents.get(role);
          const answer = await send(route.method, url, body, agent);
          const code = answer.errorCode;
          const refused = code !== undefined && (REFUSALS.has(code) || code === rule.otherAreaRefusal);
          const got = refused ? code : undefined;
          const want = expected(rule, role, area);
          cases++;
          if (got !== want || answer.status >= 500)
            wrong.push(
              `${role} ${area} ${route.method} ${url}: expected ${want ?? 'allowed'}, got ${answer.status} ${code ?? ''}`,
            );
          if (agent && route.method === 'DELETE' && route.path === '/console/api/session')
            agents.set(role, { ...agent, ...(await signIn(t, agent.username, agent.password)) });
          if (role === 'national') national = agents.get('national') as Agent;
        }
    }
    console.info(
      `RBAC matrix: ${consoleRoutes.length} routes × ${ROLES.length} roles × 2 provinces = ${cases} cases`,
    );
    expect(wrong).toEqual([]);
  }, 600_000);
});
