import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, createApp } from '../app/create-app.js';
import { loadConfig } from '../config/load-config.js';
import { createLogger } from '../http/logger.js';

const dir = mkdtempSync(join(tmpdir(), 'bz-console-web-'));
const built = join(dir, 'dist');
let app: App;
let bare: App;

beforeAll(async () => {
  mkdirSync(join(built, 'assets'), { recursive: true });
  writeFileSync(join(built, 'index.html'), '<!doctype html><title>Bluezone console</title>');
  writeFileSync(join(built, 'assets', 'index-abc123.js'), 'console.log(1);');
  writeFileSync(join(built, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  const options = {
    location: { kind: 'memory' } as const,
    secret: new Uint8Array(32).fill(7),
    logger: createLogger('warn'),
  };
  const config = loadConfig({ BLUEZONE_LOG_LEVEL: 'warn' });
  app = await createApp(config, { ...options, webConsole: { dir: built } });
  bare = await createApp(config, { ...options, webConsole: { dir: join(dir, 'missing') } });
});
afterAll(async () => {
  await app.close();
  await bare.close();
  rmSync(dir, { recursive: true, force: true });
});

const get = (on: App, url: string) => on.server.inject({ method: 'GET', url });

describe('the console at /console/', () => {
  it('serves the entry page uncached and hashed assets as immutable', async () => {
    const index = await get(app, '/console/');
    expect(index.statusCode).toBe(200);
    expect(index.headers['content-type']).toMatch(/text\/html/);
    expect(index.headers['cache-control']).toBe('no-cache');
    const asset = await get(app, '/console/assets/index-abc123.js');
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await get(app, '/console/favicon.svg')).headers['cache-control']).toBe('public, max-age=3600');
    expect((await get(app, '/console')).headers.location).toBe('/console/');
  });

  it("answers the console's own routes with index.html, and 404 for a missing file", async () => {
    for (const route of ['/console/codes', '/console/provinces/VN-20', '/console/sign-in?next=%2Faudit']) {
      const page = await get(app, route);
      expect(page.statusCode, route).toBe(200);
      expect(page.body).toContain('<title>Bluezone console</title>');
    }
    expect((await get(app, '/console/assets/gone-1.js')).json()).toMatchObject({ errorCode: 'not_found' });
    expect((await get(app, '/console/..%2f..%2fpackage.json')).statusCode).toBe(404);
  });

  it('leaves the console API to its routes: never the entry page under /console/api/', async () => {
    const session = await get(app, '/console/api/session');
    expect(session.statusCode).toBe(401);
    expect(session.json()).toMatchObject({ errorCode: 'not_signed_in' });
    const signIn = await app.server.inject({
      method: 'POST',
      url: '/console/api/session',
      payload: { username: 'nobody', password: 'not a password' },
    });
    expect(signIn.json()).toMatchObject({ errorCode: 'login_failed' });
    for (const url of ['/console/api', '/console/api/', '/console/api/no-such-route', '/console/api/x.js']) {
      const answer = await get(app, url);
      expect(answer.statusCode, url).toBe(404);
      expect(answer.json(), url).toMatchObject({ errorCode: 'not_found' });
    }
  });

  it('says to build the console when there is no build, and keeps the API working', async () => {
    const page = await get(bare, '/console/');
    expect(page.statusCode).toBe(404);
    expect(page.json().errorCode).toBe('console_not_built');
    expect(page.json().error).toMatch(/npm run build -w @bluezone\/console/);
    expect((await get(bare, '/console/api/session')).json()).toMatchObject({ errorCode: 'not_signed_in' });
  });

  it('stays out of the OpenAPI document', async () => {
    const document = (await get(app, '/docs/json')).json();
    const paths = Object.keys(document.paths).filter((p) => p.startsWith('/console/'));
    expect(paths.length).toBeGreaterThan(0);
    expect(paths.every((p) => p.startsWith('/console/api/'))).toBe(true);
  });
});
