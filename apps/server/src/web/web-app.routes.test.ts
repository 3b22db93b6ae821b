import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppConfig } from '@bluezone/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, createApp } from '../app/create-app.js';
import { loadConfig } from '../config/load-config.js';
import { createLogger } from '../http/logger.js';

const dir = mkdtempSync(join(tmpdir(), 'bz-web-'));
const built = join(dir, 'dist');
const empty = join(dir, 'empty');
const CONFIG: AppConfig = {
  region: 'VN',
  healthAuthorityId: 'vn.moh',
  deviceApiKey: 'device-key',
  verificationUrl: '/',
  keyServerUrl: '/',
  exportPublicKeys: [],
};
let app: App;
let bare: App;

beforeAll(async () => {
  mkdirSync(join(built, 'assets'), { recursive: true });
  mkdirSync(empty);
  writeFileSync(join(built, 'index.html'), '<!doctype html><title>Bluezone</title>');
  writeFileSync(join(built, 'sw.js'), 'self.addEventListener("fetch", () => {});');
  writeFileSync(join(built, 'assets', 'index-abc123.js'), 'console.log(1);');
  writeFileSync(join(built, 'icon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  const options = { location: { kind: 'memory' } as const, secret: new Uint8Array(32).fill(7) };
  const config = loadConfig({ BLUEZONE_LOG_LEVEL: 'warn' });
  let ready: AppConfig | undefined;
  app = await createApp(config, {
    ...options,
    logger: createLogger('warn'),
    webApp: { dir: built, config: () => ready },
  });
  ready = CONFIG;
  bare = await createApp(config, {
    ...options,
    logger: createLogger('warn'),
    webApp: { dir: empty, config: CONFIG },
  });
});
afterAll(async () => {
  await app.close();
  await bare.close();
  rmSync(dir, { recursive: true, force: true });
});

const get = (on: App, url: string) => on.server.inject({ method: 'GET', url });

describe('the citizen app at /app/', () => {
  it('serves the entry page and the service worker uncached, hashed assets cached as immutable', async () => {
    const index = await get(app, '/app/');
    expect(index.statusCode).toBe(200);
    expect(index.headers['content-type']).toMatch(/text\/html/);
    expect(index.headers['cache-control']).toBe('no-cache');
    const sw = await get(app, '/app/sw.js');
    expect(sw.body).toContain('addEventListener');
    expect(sw.headers['cache-control']).toBe('no-cache');
    const asset = await get(app, '/app/assets/index-abc123.js');
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await get(app, '/app/icon.svg')).headers['cache-control']).toBe('public, max-age=3600');
    expect((await get(app, '/app')).headers.location).toBe('/app/');
  });

  it("answers the app's own routes with index.html, and 404 for a missing file", async () => {
    for (const route of ['/app/history', '/app/settings/privacy', '/app/report?code=ABC']) {
      const page = await get(app, route);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('<title>Bluezone</title>');
    }
    expect((await get(app, '/app/assets/gone-123.js')).json()).toMatchObject({ errorCode: 'not_found' });
    expect((await get(app, '/app/..%2f..%2fpackage.json')).statusCode).toBe(404);
  });

  it("sends a venue poster's link to the app's check-in, query kept", async () => {
    const poster = await get(app, '/c?v=1');
    expect(poster.statusCode).toBe(302);
    expect(poster.headers.location).toBe('/app/c?v=1');
    expect((await get(app, '/c')).headers.location).toBe('/app/c');
  });

  it('serves the configuration given (also when known only once the server runs)', async () => {
    const config = await get(app, '/app/config.json');
    expect(config.json()).toEqual(CONFIG);
    expect(config.headers['cache-control']).toBe('no-cache');
  });

  it('says to run the build when there is none', async () => {
    const page = await get(bare, '/app/');
    expect(page.statusCode).toBe(404);
    expect(page.json().errorCode).toBe('app_not_built');
    expect(page.json().error).toMatch(/npm run build -w @bluezone\/app/);
    expect((await get(bare, '/app/config.json')).statusCode).toBe(200);
  });

  it('stays out of the OpenAPI document', async () => {
    const document = (await get(app, '/docs/json')).json();
    expect(Object.keys(document.paths).filter((p) => p.startsWith('/app'))).toEqual([]);
  });
});
