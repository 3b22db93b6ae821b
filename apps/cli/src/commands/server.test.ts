import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runBluezone } from '../testing/run-bluezone.js';

const dir = mkdtempSync(join(tmpdir(), 'bz-server-cmd-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('bluezone server', () => {
  it('serves the API, the console, and the app with its configuration from the database and BLUEZONE_APP_DEVICE_API_KEY', async () => {
    const init = await runBluezone('admin', 'init', '--data-dir', dir, '--region', 'VN', '--json');
    expect(init.code).toBe(0);
    const authority = JSON.parse(init.stdout);
    const { ensureAppBuilt } = await import('@bluezone/app/build');
    const { ensureConsoleBuilt } = await import('@bluezone/console/build');
    await ensureAppBuilt();
    await ensureConsoleBuilt();
    const child = spawn(
      process.execPath,
      ['apps/cli/bin/bluezone.mjs', 'server', '--port', '0', '--data-dir', dir],
      {
        stdio: ['ignore', 'ignore', 'pipe'],
        env: {
          ...process.env,
          BLUEZONE_APP_DEVICE_API_KEY: authority.deviceApiKey,
          BLUEZONE_LOG_LEVEL: 'warn',
        },
      },
    );
    let err = '';
    child.stderr.on('data', (chunk) => {
      err += String(chunk);
    });
    for (let i = 0; i < 300 && !/listening on http/.test(err); i++)
      await new Promise((r) => setTimeout(r, 100));
    const base = /listening on (http:\/\/\S+)/.exec(err)?.[1];
    expect(base).toBeDefined();
    try {
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      expect((await fetch(`${base}/console/`)).status).toBe(200);
      expect((await fetch(`${base}/app/`)).status).toBe(200);
      const config = await (await fetch(`${base}/app/config.json`)).json();
      expect(config).toMatchObject({
        region: 'VN',
        healthAuthorityId: authority.healthAuthorityId,
        deviceApiKey: authority.deviceApiKey,
        exportPublicKeys: [
          { keyId: authority.exportSigning.keyId, publicKeyPem: authority.exportSigning.publicKeyPem },
        ],
      });
      expect(config).not.toHaveProperty('demoAir');
    } finally {
      const exited = new Promise((resolve) => child.on('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  }, 240_000);
});
