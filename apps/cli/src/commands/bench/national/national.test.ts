import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { runBluezone } from '../../../testing/run-bluezone.js';
import type { LoadRequest } from './closed-loop.js';
import { closedLoop } from './closed-loop.js';
import { cpuMsOf, processTree } from './cpu-meter.js';
import { keysPerDay, peakRates, REQUEST_CLASSES, type RequestClass } from './load-model.js';
import { mixedRequests } from './mixed-load.js';

afterEach(() => {
  process.exitCode = undefined;
});

describe('the national load model', () => {
  it('gives the peak hour of docs/scale.md', () => {
    const r = peakRates();
    expect(r.active).toBeCloseTo((50_000_000 / 86_400) * 3, 6); // 1,736/s
    expect(r.install).toBeCloseTo((1_500_000 / 86_400) * 3, 6); // 52/s
    expect(r.publish).toBeCloseTo((315_000 / 86_400) * 3, 6); // 10.9/s
    expect(r.console).toBe(200);
    expect(r['index-miss']).toBeCloseTo((50 * 64) / 300, 6); // 10.7/s
    expect(keysPerDay()).toBe(15_000 * 14 + 300_000 * 4); // 1.41 million
  });
});

describe('the mixed load', () => {
  it('draws classes in the peak-hour proportions, a pipeline stage falling back on the one that feeds it', () => {
    const made: string[] = [];
    let codes = 0;
    const request = (name: string) => () => {
      made.push(name);
      return { method: 'GET' as const, port: 1, path: `/${name}` };
    };
    const generators = {
      ...Object.fromEntries(REQUEST_CLASSES.map((c) => [c, request(c)])),
      issue: () => {
        codes++;
        return request('issue')();
      },
      // Nothing verified yet, and no export file: these fall back.
      verify: () => (codes > 1_000_000 ? request('verify')() : undefined),
      certificate: () => undefined,
      publish: () => undefined,
      'zip-miss': () => undefined,
    } as Record<RequestClass, () => LoadRequest | undefined>;
    const rates = peakRates();
    let seed = 1;
    const random = () => {
      seed = (seed * 16_807) % 2_147_483_647;
      return seed / 2_147_483_647;
    };
    const next = mixedRequests(generators, rates, random);
    const tags = Array.from({ length: 100_000 }, () => next()?.tag);
    const share = (name: string) => tags.filter((t) => t === name).length / tags.length;
    const total = Object.values(rates).reduce((a, b) => a + b, 0);
    expect(share('active')).toBeCloseTo(rates.active / total, 2);
    expect(share('console')).toBeCloseTo(rates.console / total, 2);
    // verify, certificate and publish ran issue instead; zip misses ran active signals.
    expect(share('issue')).toBeCloseTo((4 * rates.issue) / total, 2);
    expect(share('publish') + share('verify') + share('zip-miss')).toBe(0);
    expect(new Set(made)).not.toContain('zip-miss');
  });
});

describe('measuring', () => {
  it('reads CPU time from /proc, children included', () => {
    let x = 0;
    for (let i = 0; i < 2e7; i++) x += i;
    expect(x).toBeGreaterThan(0);
    expect(cpuMsOf(process.pid)).toBeGreaterThan(0);
    expect(cpuMsOf(2 ** 30)).toBe(0);
    expect(processTree(process.pid)[0]).toBe(process.pid);
  });

  it('runs a closed loop until the requests run out, counting failures by status', async () => {
    const server = createServer((req, res) => {
      res.statusCode = req.url === '/bad' ? 503 : 200;
      res.end('ok');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    let left = 30;
    const answers: number[] = [];
    const result = await closedLoop({
      seconds: 60,
      concurrency: 4,
      next: () =>
        left-- > 0
          ? { method: 'GET', port, path: left % 10 === 0 ? '/bad' : '/', onAnswer: (s) => answers.push(s) }
          : undefined,
    });
    server.close();
    expect(result.requests).toBe(30);
    expect(result.ok).toBe(27);
    expect(answers).toHaveLength(27);
    expect(result.failures).toEqual({ 503: 3 });
    expect(result.p99Ms).toBeGreaterThanOrEqual(result.p50Ms);
  });
});

describe('bluezone bench national', () => {
  it('rejects bad options with exit code 2', async () => {
    expect((await runBluezone('bench', 'national', '--processes', '0')).code).toBe(2);
    expect((await runBluezone('bench', 'national', '--seconds', 'long')).code).toBe(2);
    expect((await runBluezone('bench', 'national', '--database', 'mysql://x')).code).toBe(2);
  });

  it('measures every request class on real processes and projects the peak hour', async () => {
    const { code, stdout, stderr } = await runBluezone(
      'bench',
      'national',
      '--seconds',
      '1',
      '--processes',
      '1',
      '--concurrency',
      '2',
      '--json',
    );
    expect(stderr).toMatch(/bench national: publish/);
    expect(code).toBe(0);
    const r = JSON.parse(stdout);
    expect(r.classes.map((c: { name: string }) => c.name)).toEqual([
      'active',
      'install',
      'issue',
      'verify',
      'certificate',
      'publish',
      'console',
      'index-miss',
      'zip-miss',
    ]);
    for (const c of r.classes) {
      expect(c.ok).toBeGreaterThan(0);
      expect(c.failures).toEqual({});
      expect(c.serverCpuMsPerRequest).toBeGreaterThan(0);
      expect(c.postgresCpuMsPerRequest).not.toBeNull();
    }
    expect(r.projection.serverCores).toBeGreaterThan(0);
    expect(r.projection.postgresCores).toBeGreaterThan(0);
    // Then every class at once: mostly active signals, as in the peak hour.
    expect(stderr).toMatch(/bench national: mixed/);
    expect(r.mixed.ok).toBeGreaterThan(0);
    expect(r.mixed.failures).toEqual({});
    expect(r.mixed.byTag.active.requests).toBeGreaterThan(r.mixed.requests / 2);
    expect(r.mixed.serverCores).toBeGreaterThan(0);
    expect(r.mixed.postgresCores).toBeGreaterThan(0);
  }, 600_000);
});
