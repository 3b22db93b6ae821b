import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDemoAirClient, fetchTransport } from '@bluezone/api';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'bz-start-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('bluezone start (npm start)', () => {
  it('serves the API and the demo air, simulates through it at its pace, and stops cleanly on SIGINT', async () => {
    const child = spawn(
      process.execPath,
      [
        'apps/cli/bin/bluezone.mjs',
        'start',
        '--port',
        '0',
        '--people',
        '300',
        '--day-seconds',
        '3',
        '--data-dir',
        join(dir, 'demo'),
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += String(chunk);
    });
    child.stderr.on('data', () => undefined);
    const waitFor = async (pattern: RegExp) => {
      for (let i = 0; i < 1500 && !pattern.test(out); i++) await new Promise((r) => setTimeout(r, 200));
      expect(out).toMatch(pattern);
    };
    await waitFor(/round 1, day 2\//);
    expect(out).toMatch(/console login\s+demo \/ \S{12,}/);
    const base = /API and OpenAPI docs\s+(http:\/\/[^\s]+)\/docs/.exec(out)?.[1];
    expect(base).toBeDefined();
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect((await fetch(`${base}/v1/exports/VN/index.txt`)).status).toBe(200);
    // The citizen app and the console, built if needed, with the app's configuration for this server.
    const app = await fetch(`${base}/app/`);
    expect(app.status).toBe(200);
    expect(await app.text()).toMatch(/<div id="root">|<html/);
    const config = (await (await fetch(`${base}/app/config.json`)).json()) as Record<string, unknown>;
    expect(config).toMatchObject({ region: 'VN', verificationUrl: '/', demoAir: { url: '/demo/air' } });
    expect(String(config.deviceApiKey)).not.toBe('');
    expect((await fetch(`${base}/console/`)).status).toBe(200);

    // Two phones join the district over the demo air, advertise, and are put next to each other.
    const air = createDemoAirClient(fetchTransport(fetch), `${base}/demo/air`);
    const a = await air.join();
    const b = await air.join();
    expect(a.phoneId).not.toBe(b.phoneId);
    expect(a.phone?.model).toBeTruthy();
    const adB = Buffer.alloc(20, 7).toString('base64');
    await air.advertise({
      phoneId: a.phoneId,
      serviceData: Buffer.alloc(20, 3).toString('base64'),
      txPowerDbm: -8,
    });
    await air.advertise({ phoneId: b.phoneId, serviceData: adB, txPowerDbm: -12 });
    const met = await air.encounter({
      phoneId: a.phoneId,
      otherPhoneId: b.phoneId,
      minutes: 30,
      distanceM: 1,
    });
    expect(met.sightings).toBeGreaterThanOrEqual(12);
    const heard = await air.heard({ phoneId: a.phoneId, afterMs: 0 });
    const fromB = heard.sightings.filter((s) => s.serviceData === adB);
    expect(fromB.length).toBeGreaterThanOrEqual(6);
    expect(fromB.every((s) => s.timeMs <= heard.nowMs && s.rssi < -30 && s.rssi > -110)).toBe(true);
    // Simulated time moves, at most a day every 3 s (28,800 simulated ms per ms; slower when the
    // machine is busy): asked until it has moved, for up to 5 minutes, not after a fixed sleep.
    const first = await air.clock();
    let clock = first;
    for (let i = 0; i < 1500 && !(clock.nowMs > first.nowMs && clock.rate > 0); i++) {
      await new Promise((r) => setTimeout(r, 200));
      clock = await air.clock();
    }
    expect(clock.nowMs).toBeGreaterThan(first.nowMs);
    expect(clock.rate).toBeGreaterThan(0);
    expect(clock.rate).toBeLessThan(40_000);
    await expect(air.heard({ phoneId: 'nobody-here', afterMs: 0 })).rejects.toMatchObject({
      status: 404,
      code: 'demo_phone_unknown',
    });
    await air.leave(b.phoneId);

    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(out).toMatch(/stopped\.\n$/);
  }, 600_000);
});
