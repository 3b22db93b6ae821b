import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runBluezone } from '../testing/run-bluezone.js';

const dir = mkdtempSync(join(tmpdir(), 'bz-server-cmd-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('bluezone server', () => {
  it('builds and serves the console and the app on its first start, the API, and the app with its configuration and device key from the database (no BLUEZONE_APP_DEVICE_API_KEY)', async () => {
    const init = await runBluezone('admin', 'init', '--data-dir', dir, '--region', 'VN', '--json');
    expect(init.code).toBe(0);
    const authority = JSON.parse(init.stdout);
    // No `npm run build:web` first: the server builds the app and the console when missing or stale.
    const child = spawn(
      process.execPath,
      ['apps/cli/bin/bluezone.mjs', 'server', '--port', '0', '--data-dir', dir],
      {
        stdio: ['ignore', 'ignore', 'pipe'],
        env: {
          ...process.env,
          BLUEZONE_LOG_LEVEL: 'warn',
        },
      },
    );
    let err = '';
    child.stderr.on('data', (chunk) => {
      err += String(chunk);
    });
    for (let i = 0; i < 6000 && !/listening on http/.test(err) && child.exitCode === null; i++)
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
  }, 900_000);

  it('names the port and the --port option when the port is taken, for server and start', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as AddressInfo).port;
    try {
      for (const command of [['server', '--no-web-build'], ['start']]) {
        const run = await runBluezone(
          ...command,
          '--port',
          String(port),
          '--data-dir',
          join(dir, `taken-${command[0]}`),
        );
        expect(run.code).toBe(2);
        expect(run.stderr).toContain(`port ${port} is already in use (EADDRINUSE)`);
        expect(run.stderr).toContain(`--port ${port + 1}`);
        expect(run.stderr).toContain(`cổng ${port}`);
      }
    } finally {
      taken.close();
    }
  });
});
