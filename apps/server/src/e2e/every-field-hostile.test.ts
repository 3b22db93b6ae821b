import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireProvince } from '../areas/area-codes.js';
import { type Agent, signIn, userAgent } from '../testing/console-test-kit.js';
import {
  type JsonSchema,
  type OpenApiDocument,
  type Operation,
  operationsOf,
  sampleOf,
  stringFields,
  withField,
} from '../testing/openapi-walk.js';
import { type Authority, certificateFor, HMAC_KEY, pastKeys } from '../testing/publish-test-kit.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';

// Every route of the served OpenAPI document × every string field (path, query, body, nested) ×
// {NUL, lone surrogate, 1 MB, wrong type}, each request authenticated as the document says the route
// is (console session + CSRF token of a national administrator, admin or device API key, metrics
// token, a fresh certificate for publish), so the hostile value reaches the handler rather than a 401.
// Never a 5xx; every 4xx names its error. Everything comes from the document: a new route or field is
// covered the day it is added, and a route that says nothing about its authentication fails the test.

const METRICS_TOKEN = Buffer.alloc(32, 9).toString('base64');
const MEGABYTE = 'a'.repeat(1 << 20);
/** The four hostile inputs for a JSON body field, a query parameter and a path segment. */
const BODY_INPUTS: Record<string, unknown> = {
  nul: 'a\u0000b',
  loneSurrogate: 'a\ud800b',
  megabyte: MEGABYTE,
  wrongType: 12345,
};
const QUERY_INPUTS: Record<string, (name: string) => string> = {
  nul: (n) => `${n}=a%00b`,
  loneSurrogate: (n) => `${n}=a%ED%A0%80b`,
  megabyte: (n) => `${n}=${MEGABYTE}`,
  wrongType: (n) => `${n}=a&${n}=b`, // an array where one string is expected
};
/** A path segment is text whatever it holds: "wrong type" there is a segment with a `/` inside. */
const PATH_INPUTS: Record<string, string> = {
  nul: 'a%00b',
  loneSurrogate: 'a%ED%A0%80b',
  megabyte: MEGABYTE,
  wrongType: 'a%2Fb',
};

let t: TestApp;
let document: OpenApiDocument;
let authority: Authority;
let admin: Agent & { username: string; password: string };
/** The `{id}` path parameter's value, when a test needs a real row (default: a fresh uuid). */
let knownId: string | undefined;
const tried = {
  routes: new Set<string>(),
  requests: 0,
  fiveHundreds: [] as string[],
  statuses: new Map<number, number>(),
};

beforeAll(async () => {
  t = await createTestApp({
    BLUEZONE_METRICS_TOKEN: METRICS_TOKEN,
    BLUEZONE_VERIFY_RATE_LIMIT: '10000',
    BLUEZONE_DAILY_ISSUE_QUOTA: '100000',
  });
  authority = await t.provision('VN');
  admin = await userAgent(t, { role: 'national' });
  await userAgent(t, { role: 'caseworker', province: 'VN-20', username: 'hostile-target' });
  document = (await t.app.server.inject({ method: 'GET', url: '/docs/json' })).json() as OpenApiDocument;
}, 600_000);
afterAll(() => t.app.close());

/** Values a client would send for fields of these names; anything else from the schema alone. */
function knownValues(keys: unknown): Record<string, unknown> {
  const thaiBinh = requireProvince('VN-20');
  const yesterday = new Date(t.clock.now().getTime() - 86_400_000).toISOString().slice(0, 10);
  return {
    province: 'VN-20',
    iso: 'VN-20',
    district: thaiBinh.districts[0]?.code,
    area: 'VN-20',
    region: 'VN',
    file: '1-2-00001.zip',
    username: 'hostile-target',
    password: 'password-hostile-long',
    role: 'caseworker',
    testType: 'confirmed',
    accept: ['confirmed'],
    testDate: yesterday,
    symptomDate: yesterday,
    date: yesterday,
    from: yesterday,
    to: yesterday,
    uuid: randomUUID(),
    id: knownId ?? randomUUID(),
    exposureDate: yesterday,
    organisation: undefined, // optional; a made-up one would answer organisation_not_found first
    deadline: new Date(t.clock.now().getTime() + 30 * 86_400_000).toISOString().slice(0, 10),
    channel: 'poster',
    phone: '+84912345678',
    ekeyhmac: HMAC_KEY.toString('base64'),
    revisionToken: '',
    limit: '5',
    healthAuthorityID: authority.healthAuthorityId,
    hmacKey: HMAC_KEY.toString('base64'),
    temporaryExposureKeys: keys,
    appVersion: '1.0.0',
  };
}

/** The request headers that authenticate `operation` as its document's security says. */
function credentials(operation: Operation): Record<string, string> {
  const requirement = operation.security?.[0];
  if (requirement === undefined) return {};
  const secrets: Record<string, string> = {
    adminApiKey: authority.adminKey,
    deviceApiKey: authority.deviceKey,
    consoleSession: admin.cookie.slice(admin.cookie.indexOf('=') + 1),
    csrfToken: admin.csrfToken,
    metricsToken: METRICS_TOKEN,
  };
  const headers: Record<string, string> = {};
  for (const name of Object.keys(requirement)) {
    const scheme = document.components.securitySchemes[name];
    const secret = secrets[name];
    if (!scheme || secret === undefined)
      throw new Error(`${name}: a security scheme this test cannot satisfy`);
    if (scheme.type === 'http') headers.authorization = `Bearer ${secret}`;
    else if (scheme.in === 'cookie') headers.cookie = `${scheme.name}=${secret}`;
    else headers[String(scheme.name)] = secret;
  }
  return headers;
}

interface Hostile {
  path?: Record<string, string>;
  query?: string;
  body?: { at: (string | number)[]; value: unknown };
}

async function send(operation: Operation, hostile: Hostile, label: string) {
  const keys = pastKeys(t, 2);
  const known = knownValues(keys);
  let body = operation.body ? sampleOf(operation.body, known) : undefined;
  if (operation.certificateField)
    body = withField(
      body,
      [operation.certificateField],
      await certificateFor(t, authority, 'confirmed', keys),
    );
  if (hostile.body) body = withField(body, hostile.body.at, hostile.body.value);
  const url =
    operation.path.replace(
      /\{([^}]+)\}/g,
      (_, name: string) => hostile.path?.[name] ?? encodeURIComponent(String(known[name] ?? 'x')),
    ) + (hostile.query ? `?${hostile.query}` : '');
  const request = () =>
    t.app.server.inject({
      method: operation.method as 'GET',
      url,
      headers: {
        ...credentials(operation),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
    });
  let response = await request();
  if (response.statusCode === 401 && response.json().errorCode === 'not_signed_in') {
    // An earlier request signed the administrator out (DELETE /console/api/session): sign in again.
    admin = { ...admin, ...(await signIn(t, admin.username, admin.password)) };
    response = await request();
  }
  tried.requests++;
  tried.statuses.set(response.statusCode, (tried.statuses.get(response.statusCode) ?? 0) + 1);
  tried.routes.add(`${operation.method} ${operation.path}`);
  const where = `${operation.method} ${operation.path} ${label}`;
  if (response.statusCode >= 500)
    tried.fiveHundreds.push(`${where}: ${response.statusCode} ${response.body}`);
  if (response.statusCode >= 400 && response.statusCode < 500) {
    const json = response.json() as { errorCode?: unknown; code?: unknown };
    expect(typeof (json.errorCode ?? json.code), where).toBe('string');
  }
  return response;
}

describe('every documented route × every string field × hostile values, authenticated', () => {
  it('says how every route is authenticated, with schemes this test can satisfy', () => {
    const operations = operationsOf(document);
    expect(operations.length).toBeGreaterThanOrEqual(50);
    expect(operations.filter((o) => o.security === undefined).map((o) => `${o.method} ${o.path}`)).toEqual(
      [],
    );
    for (const operation of operations) expect(() => credentials(operation)).not.toThrow();
  });

  it('reaches each handler authenticated and never answers 5xx', async () => {
    const refusedCredentials: string[] = [];
    for (const operation of operationsOf(document)) {
      const plain = await send(operation, {}, 'as a client sends it');
      const code = plain.statusCode >= 400 ? (plain.json() as { errorCode?: string }).errorCode : undefined;
      if (['unauthorized', 'not_signed_in', 'csrf_token_invalid'].includes(String(code)))
        refusedCredentials.push(`${operation.method} ${operation.path}: ${code}`);
      for (const [input, value] of Object.entries(PATH_INPUTS))
        for (const parameter of operation.parameters.filter((p) => p.in === 'path'))
          await send(operation, { path: { [parameter.name]: value } }, `path ${parameter.name} ${input}`);
      for (const [input, query] of Object.entries(QUERY_INPUTS))
        for (const parameter of operation.parameters.filter((p) => p.in === 'query'))
          await send(operation, { query: query(parameter.name) }, `query ${parameter.name} ${input}`);
      for (const at of stringFields(operation.body as JsonSchema | undefined))
        for (const [input, value] of Object.entries(BODY_INPUTS))
          await send(operation, { body: { at, value } }, `body ${at.join('.')} ${input}`);
    }
    console.info(
      `hostile pass: ${tried.routes.size} routes, ${tried.requests} requests, ${tried.fiveHundreds.length} answers ≥ 500; by status ${JSON.stringify(Object.fromEntries([...tried.statuses].sort(([a], [b]) => a - b)))}`,
    );
    expect(refusedCredentials).toEqual([]);
    expect(tried.fiveHundreds).toEqual([]);
    expect(tried.routes.size).toBe(operationsOf(document).length);
  }, 600_000);

  it('refuses a province that is not in /v1/areas in every province field, with unknown_province', async () => {
    // Issue 16 item 11: every place that takes a province checks it against the area set.
    const fields = /^(province|iso|area)$/;
    const target = await admin.request('POST', '/console/api/campaigns/targets', {
      area: 'VN-20',
      kind: 'absolute',
      baseCount: 1000,
      deadline: '2026-04-30',
    });
    knownId = String(target.json.id);
    const answers: string[] = [];
    for (const operation of operationsOf(document)) {
      const hostile: Hostile[] = [
        ...operation.parameters
          .filter((p) => p.in === 'path' && fields.test(p.name))
          .map((p) => ({ path: { [p.name]: 'VN-99' } })),
        ...operation.parameters
          .filter((p) => p.in === 'query' && fields.test(p.name))
          .map((p) => ({ query: `${p.name}=VN-99` })),
        ...stringFields(operation.body as JsonSchema | undefined)
          .filter((at) => fields.test(String(at.at(-1))))
          .map((at) => ({ body: { at, value: 'VN-99' } })),
      ];
      for (const request of hostile) {
        const answer = await send(operation, request, 'province VN-99');
        const json = answer.json() as { errorCode?: string; code?: string };
        answers.push(
          `${operation.method} ${operation.path} ${answer.statusCode} ${json.errorCode ?? json.code}`,
        );
      }
    }
    expect(answers.length).toBeGreaterThanOrEqual(12);
    expect(answers.filter((a) => !a.endsWith(' 400 unknown_province'))).toEqual([]);
  }, 600_000);
});
