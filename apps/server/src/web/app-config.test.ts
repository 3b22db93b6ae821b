import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initHealthAuthority } from '../app/admin-init.service.js';
import { type App, createApp } from '../app/create-app.js';
import { loadConfig } from '../config/load-config.js';
import { appDeviceKeys } from '../database/schema.js';
import { createLogger } from '../http/logger.js';
import { appConfigOf, appConfigProblem } from './app-config.js';

// The app's device key (issue 16 item 15): `bluezone admin init` provisions it and the server finds it
// without BLUEZONE_APP_DEVICE_API_KEY; when there is none, /app/config.json says what to run.

let app: App;
const config = () => appConfigOf(app.core, 'VN', undefined);

beforeAll(async () => {
  app = await createApp(loadConfig({ BLUEZONE_LOG_LEVEL: 'warn' }), {
    location: { kind: 'memory' },
    secret: new Uint8Array(32).fill(7),
    logger: createLogger('warn'),
    webApp: { dir: '/nonexistent', config },
  });
});
afterAll(() => app.close());

const configJson = async () => {
  const response = await app.server.inject({ method: 'GET', url: '/app/config.json' });
  return { status: response.statusCode, json: response.json() as Record<string, unknown> };
};

describe("the app's device API key", () => {
  it('answers 503 app_config_unavailable naming the command while the region is not provisioned', async () => {
    const answer = await configJson();
    expect(answer.status).toBe(503);
    expect(answer.json.errorCode).toBe('app_config_unavailable');
    expect(answer.json.error).toMatch(/VN has no health authority yet; run `bluezone admin init`/);
    expect(await appConfigProblem(app.core, 'VN', undefined)).toBe(answer.json.error);
  });

  it('serves the key admin init provisioned, and that key works as a device key', async () => {
    const init = await initHealthAuthority(app.core, 'VN');
    const answer = await configJson();
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ region: 'VN', deviceApiKey: init.deviceApiKey });
    expect(await appConfigProblem(app.core, 'VN', undefined)).toBeUndefined();
    const verify = await app.server.inject({
      method: 'POST',
      url: '/api/verify',
      headers: { 'content-type': 'application/json', 'x-api-key': String(init.deviceApiKey) },
      payload: JSON.stringify({ code: '12345678' }),
    });
    expect(verify.json().errorCode).toBe('code_not_found');
  });

  it('prefers BLUEZONE_APP_DEVICE_API_KEY when it is set', async () => {
    expect((await appConfigOf(app.core, 'VN', 'bzd_configured-key-123')).deviceApiKey).toBe(
      'bzd_configured-key-123',
    );
  });

  it('gives a region provisioned before the app key one at the next admin init', async () => {
    const authority = (await initHealthAuthority(app.core, 'VN')).healthAuthorityId;
    expect((await initHealthAuthority(app.core, 'VN')).deviceApiKey).toBeUndefined();
    await app.core.db.delete(appDeviceKeys).where(eq(appDeviceKeys.healthAuthorityId, authority));
    const answer = await configJson();
    expect([answer.status, answer.json.errorCode]).toEqual([503, 'app_config_unavailable']);
    expect(answer.json.error).toMatch(/has no device API key for the app; run `bluezone admin init`/);
    const again = await initHealthAuthority(app.core, 'VN');
    expect(again.created).toBe(false);
    expect(again.adminApiKey).toBeUndefined();
    expect((await configJson()).json.deviceApiKey).toBe(again.deviceApiKey);
  });
});
