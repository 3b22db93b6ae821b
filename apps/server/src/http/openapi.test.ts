import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.js';

// docs/openapi.json is written by scripts/generators/openapi.mjs; `npm test` checks it is current.
const COMMITTED = new URL('../../../../docs/openapi.json', import.meta.url);

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.app.close());

type Operation = {
  summary?: string;
  tags?: string[];
  description?: string;
  responses: Record<string, unknown>;
};

describe('OpenAPI document', () => {
  it('the server serves exactly the committed docs/openapi.json, keys in the same order', async () => {
    const response = await t.app.server.inject({ method: 'GET', url: '/docs/json' });
    expect(response.statusCode).toBe(200);
    const committed = JSON.parse(readFileSync(COMMITTED, 'utf8'));
    expect(JSON.stringify(response.json())).toBe(JSON.stringify(committed));
  });

  it('documents every route with a summary, tags, its answers, the error body and its error codes', () => {
    const document = JSON.parse(readFileSync(COMMITTED, 'utf8')) as {
      paths: Record<string, Record<string, Operation>>;
    };
    const routes = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.entries(operations).map(([method, op]) => ({ route: `${method.toUpperCase()} ${path}`, op })),
    );
    expect(routes.map((r) => r.route)).toEqual(
      expect.arrayContaining([
        'POST /api/issue',
        'POST /api/verify',
        'POST /api/certificate',
        'POST /v1/publish',
        'GET /v1/exports/{region}/index.txt',
        'GET /v1/exports/{region}/{file}',
        'GET /metrics',
        'GET /healthz',
      ]),
    );
    for (const { route, op } of routes) {
      expect(op.summary, route).toBeTruthy();
      expect(op.tags?.length, route).toBeGreaterThan(0);
      expect(op.description, route).toMatch(/Errors: .*`internal` \(500\)/);
      expect(Object.keys(op.responses), route).toEqual(expect.arrayContaining(['4XX', '5XX']));
      // One success answer: 200, or 201 where something is created (POST /api/declarations).
      expect(
        Object.keys(op.responses).filter((s) => s === '200' || s === '201'),
        route,
      ).toHaveLength(1);
    }
    const publish = routes.find((r) => r.route === 'POST /v1/publish')?.op;
    expect(publish?.description).toContain('`tekmac_mismatch` (401)');
  });
});
