// `bluezone bench adoption-views`: the console's adoption pages on a year of the whole country's
// counts (63 provinces × 707 districts × 365 days) in a throwaway PostgreSQL 15: latency of each
// page, p50 and p99 (docs/performance.md, "Adoption views at national size").

import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { addDays, utcDay } from '../adoption/adoption-areas.js';
import { createAdoptionReadRepository } from '../adoption/adoption-read.repository.js';
import { createApp } from '../app/create-app.js';
import { createConsoleAccount } from '../app/demo-account.js';
import { configuredAreas } from '../areas/area-codes.js';
import { loadConfig } from '../config/load-config.js';
import type { Database } from '../database/database.types.js';
import { createLogger } from '../http/logger.js';
import { findPostgresBinaries, startPostgresCluster } from '../testing/postgres-cluster.js';
import { seedAdoptionYear } from './adoption-seed.js';

export interface AdoptionViewsBenchOptions {
  /** Days of counts before today (default 365). */
  readonly days?: number;
  /** Timed requests per page, after a warm-up of 5 (default 50). */
  readonly requests?: number;
  readonly progress?: (line: string) => void;
}

export interface PageLatency {
  readonly page: string;
  readonly path: string;
  readonly requests: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  /** p99 ≤ 200 ms. */
  readonly met: boolean;
}

/** One read of the pages, from the summaries and (as before them) from the counter rows. */
export interface ReadComparison {
  readonly read: string;
  /** Median of the timed runs, milliseconds. */
  readonly summaryMs: number;
  readonly countsMs: number;
}

export interface AdoptionViewsBenchResult {
  readonly seeded: {
    countRows: number;
    importRows: number;
    provinces: number;
    districts: number;
    days: number;
  };
  readonly seedSeconds: number;
  readonly pages: PageLatency[];
  readonly reads: ReadComparison[];
  readonly boundMs: number;
  readonly machine: { node: string; cpus: number; cpu: string; loadAverage: number[] };
  readonly totalSeconds: number;
}

export const PAGE_BOUND_MS = 200;
const WARMUP = 5;

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0 ? 0 : (sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] as number);

/** Seeds the counts, starts the server in this process and reads each page `requests` times, one at a time. */
export async function runAdoptionViewsBench(
  options: AdoptionViewsBenchOptions = {},
): Promise<AdoptionViewsBenchResult> {
  const days = options.days ?? 365;
  const requests = options.requests ?? 50;
  const say = options.progress ?? (() => {});
  findPostgresBinaries();
  const started = performance.now();
  say('starting PostgreSQL 15…');
  const cluster = await startPostgresCluster();
  const dataDir = mkdtempSync(join(tmpdir(), 'bluezone-bench-adoption-'));
  try {
    const config = loadConfig({
      DATABASE_URL: await cluster.createDatabase(),
      BLUEZONE_SECRET: randomBytes(32).toString('base64'),
      BLUEZONE_DATA_DIR: dataDir,
      BLUEZONE_PORT: '0',
      BLUEZONE_HOST: '127.0.0.1',
    });
    const sink = new Writable({ write: (_chunk, _encoding, done) => done() });
    const app = await createApp(config, { logger: createLogger('warn', sink) });
    try {
      const password = randomBytes(18).toString('base64url');
      await createConsoleAccount(app.core, { username: 'bench.adoption', password, role: 'national' });
      say(`seeding ${days} days of counts of every district…`);
      const seedStarted = performance.now();
      const seeded = await seedAdoptionYear(app.core.db, app.core.clock.now(), days);
      const seedSeconds = (performance.now() - seedStarted) / 1000;
      const address = await app.server.listen({ port: 0, host: '127.0.0.1' });
      const cookie = await signIn(address, 'bench.adoption', password);
      const big = [...configuredAreas().provinces].sort((a, b) => b.districts.length - a.districts.length)[0];
      const iso = big?.code ?? 'VN-01';
      const pages = [
        ['national', '/console/api/adoption/national'],
        ['national CSV', '/console/api/adoption/national?format=csv'],
        [`province ${iso}`, `/console/api/adoption/provinces/${iso}`],
        ['time series VN', '/console/api/adoption/timeseries'],
        [`time series ${iso}`, `/console/api/adoption/timeseries?province=${iso}`],
      ] as const;
      const results: PageLatency[] = [];
      for (const [page, path] of pages) {
        const latencies: number[] = [];
        for (let i = 0; i < WARMUP + requests; i++) {
          const t = performance.now();
          const response = await fetch(`${address}${path}`, { headers: { cookie } });
          await response.arrayBuffer();
          if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
          if (i >= WARMUP) latencies.push(performance.now() - t);
        }
        latencies.sort((a, b) => a - b);
        const p99Ms = percentile(latencies, 0.99);
        results.push({
          page,
          path,
          requests,
          p50Ms: percentile(latencies, 0.5),
          p99Ms,
          maxMs: latencies[latencies.length - 1] ?? 0,
          met: p99Ms <= PAGE_BOUND_MS,
        });
        say(`${page}: p50 ${percentile(latencies, 0.5).toFixed(1)} ms, p99 ${p99Ms.toFixed(1)} ms`);
      }
      say('each read from the summaries and from the counter rows…');
      const reads = await compareReads(app.core.db, iso, utcDay(app.core.clock.now()));
      return {
        seeded,
        seedSeconds,
        pages: results,
        reads,
        boundMs: PAGE_BOUND_MS,
        machine: {
          node: process.version,
          cpus: cpus().length,
          cpu: cpus()[0]?.model ?? 'unknown',
          loadAverage: loadavg().map((n) => Math.round(n * 100) / 100),
        },
        totalSeconds: (performance.now() - started) / 1000,
      };
    } finally {
      await app.close();
    }
  } finally {
    await cluster.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function signIn(address: string, username: string, password: string): Promise<string> {
  const session = await fetch(`${address}/console/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (session.status !== 200)
    throw new Error(`console sign-in failed: ${session.status} ${await session.text()}`);
  return (session.headers.get('set-cookie') ?? '').split(';')[0] as string;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

async function timed(run: () => Promise<unknown>, times = 7): Promise<number> {
  await run();
  const ms: number[] = [];
  for (let i = 0; i < times; i++) {
    const t = performance.now();
    await run();
    ms.push(performance.now() - t);
  }
  return median(ms);
}

/** What the pages read, from the summaries (now) and from the counter rows (before migration 0012). */
async function compareReads(db: Database, iso: string, today: string): Promise<ReadComparison[]> {
  const reads = createAdoptionReadRepository(db);
  const yesterday = addDays(today, -1);
  const counts = (select: string, where: string, group: string) => () =>
    db.execute(
      sql.raw(
        `SELECT ${select}, sum(installs)::bigint, sum(active)::bigint FROM adoption_counts WHERE ${where} GROUP BY ${group}`,
      ),
    );
  const pairs: [string, () => Promise<unknown>, () => Promise<unknown>][] = [
    ['installs by province', () => reads.countsBy('province'), counts('province', 'true', 'province')],
    [
      'active by province, one day',
      () => reads.countsBy('province', { from: yesterday, to: yesterday }),
      counts('province', `day = '${yesterday}'`, 'province'),
    ],
    [
      `districts of ${iso}`,
      () => reads.countsBy('district', { province: iso }),
      counts('district', `province = '${iso}'`, 'district'),
    ],
    [
      'installs per day, country',
      () => reads.countsBy('day', { to: today }),
      counts('day::text', `day <= '${today}'`, 'day'),
    ],
    [
      `installs per day, ${iso}`,
      () => reads.countsBy('day', { province: iso, to: today }),
      counts('day::text', `province = '${iso}' AND day <= '${today}'`, 'day'),
    ],
  ];
  const result: ReadComparison[] = [];
  for (const [read, summary, rows] of pairs)
    result.push({ read, summaryMs: await timed(summary), countsMs: await timed(rows) });
  return result;
}
