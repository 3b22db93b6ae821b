import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, type PostgresCluster, startPostgresCluster } from '@bluezone/server';
import {
  runBluezone,
  type ServerProcess,
  startServerProcess,
  waitReady,
} from '../../../processes/server-process.js';
import { closedLoop, type LoadRequest, type LoadResult } from './closed-loop.js';
import { cpuMeter, localPostgresPids, processTree } from './cpu-meter.js';
import { CLASS_LABELS, NATIONAL_DAY, peakRates, REQUEST_CLASSES, type RequestClass } from './load-model.js';
import { mixedRequests } from './mixed-load.js';
import { type BenchTarget, requestClasses } from './request-classes.js';

export interface NationalBenchOptions {
  /** Seconds of load per request class (per try). */
  readonly seconds: number;
  /** Server processes (one PostgreSQL). */
  readonly processes: number;
  /** Concurrent requests to start each class with; halved while p99 is over the bound. */
  readonly concurrency: number;
  /** An existing, empty PostgreSQL database; unset: a throwaway cluster on loopback. */
  readonly databaseUrl?: string | undefined;
  readonly progress?: (line: string) => void;
}

/** One load run with its cost: what a request class alone and the mix both report. */
export interface MeasuredLoad extends LoadResult {
  readonly concurrency: number;
  /** p99 ≤ 200 ms at this concurrency. */
  readonly p99Met: boolean;
  readonly serverCpuMsPerRequest: number;
  /** null when the database is not on this machine (its CPU cannot be read). */
  readonly postgresCpuMsPerRequest: number | null;
  /** Requests per second of these requests in the national peak hour (docs/scale.md). */
  readonly peakRate: number;
  /** The peak hour's cores for them: peak rate × CPU per request. */
  readonly serverCores: number;
  readonly postgresCores: number | null;
}

export interface ClassResult extends MeasuredLoad {
  readonly name: RequestClass;
  readonly label: string;
}

/** Every class at once, at the peak hour's proportions (peak rate: all classes together). */
export type MixedResult = MeasuredLoad;

/** The CPU meters of the server processes and of PostgreSQL (when it is on this machine). */
interface Meters {
  readonly server: () => number;
  readonly postgres: (() => number) | undefined;
}

/** Runs a closed loop and reads the CPU it cost. */
async function measureLoad(
  seconds: number,
  concurrency: number,
  next: () => LoadRequest | undefined,
  peakRate: number,
  meters: Meters,
): Promise<MeasuredLoad> {
  const server0 = meters.server();
  const pg0 = meters.postgres?.();
  const load = await closedLoop({ seconds, concurrency, next });
  const perRequest = (ms: number) => (load.requests > 0 ? ms / load.requests : 0);
  const serverMs = perRequest(meters.server() - server0);
  const pgMs = meters.postgres && pg0 !== undefined ? perRequest(meters.postgres() - pg0) : null;
  return {
    ...load,
    concurrency,
    p99Met: load.p99Ms <= P99_BOUND_MS,
    serverCpuMsPerRequest: serverMs,
    postgresCpuMsPerRequest: pgMs,
    peakRate,
    serverCores: (peakRate * serverMs) / 1000,
    postgresCores: pgMs === null ? null : (peakRate * pgMs) / 1000,
  };
}

export interface NationalBenchResult {
  readonly machine: { cpus: number; cpu: string; node: string; loadAverage: number[] };
  readonly processes: number;
  readonly seconds: number;
  readonly p99BoundMs: number;
  readonly classes: ClassResult[];
  readonly mixed: MixedResult;
  readonly projection: {
    readonly serverCores: number;
    readonly postgresCores: number | null;
    readonly goal: { readonly serverCores: number; readonly postgresCores: number };
    /** Goal ÷ need: 2 means the goal's cores carry twice the peak hour. */
    readonly headroom: { readonly server: number; readonly postgres: number | null };
    readonly dominant: { readonly server: RequestClass; readonly postgres: RequestClass | null };
  };
  readonly totalSeconds: number;
}

export const P99_BOUND_MS = 200;
export const GOAL = { serverCores: 16, postgresCores: 8 } as const;

/** The order classes run in: the pipeline's stages last, each fed by the one before. */
const ORDER: RequestClass[] = [
  'active',
  'install',
  'console',
  'index-miss',
  'zip-miss',
  'issue',
  'verify',
  'certificate',
  'publish',
];

export async function runNationalBench(options: NationalBenchOptions): Promise<NationalBenchResult> {
  const started = performance.now();
  const say = options.progress ?? (() => {});
  const dir = mkdtempSync(join(tmpdir(), 'bz-bench-national-'));
  let cluster: PostgresCluster | undefined;
  const servers: ServerProcess[] = [];
  try {
    let databaseUrl = options.databaseUrl;
    let postgresPids: (() => number[]) | undefined;
    if (databaseUrl === undefined) {
      say('starting PostgreSQL 15 on loopback');
      cluster = await startPostgresCluster();
      databaseUrl = await cluster.createDatabase();
      const postmaster = Number(
        readFileSync(join(cluster.directory, 'data', 'postmaster.pid'), 'utf8').split('\n')[0],
      );
      postgresPids = () => processTree(postmaster);
    } else if (/@(127\.0\.0\.1|localhost|\[::1\])[:/]/.test(databaseUrl)) {
      postgresPids = localPostgresPids;
    }
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: databaseUrl,
      BLUEZONE_SECRET: randomBytes(32).toString('base64'),
      BLUEZONE_DATA_DIR: join(dir, 'data'),
      BLUEZONE_LOG_LEVEL: 'warn',
      // The benchmark stands where nginx stands: every request carries its client's address.
      BLUEZONE_TRUSTED_PROXIES: 'loopback',
      BLUEZONE_VERIFY_RATE_LIMIT: '10000',
      // Its officials all sign in from loopback: the per-address sign-in limits are for the internet.
      BLUEZONE_SIGNIN_ADDRESS_LIMIT: '10000',
      BLUEZONE_SIGNIN_ACCOUNT_LIMIT: '10000',
      BLUEZONE_SIGNIN_CONCURRENT_PER_ADDRESS: '64',
      BLUEZONE_DAILY_ISSUE_QUOTA: '10000000',
    };
    say(`starting ${options.processes} bluezone server process(es)`);
    for (let i = 0; i < options.processes; i++) servers.push(startServerProcess(await freePort(), env));
    await Promise.all(servers.map((s) => waitReady(s, 300_000)));
    const authority = JSON.parse(await runBluezone(['admin', 'init', '--region', 'VN', '--json'], env));
    const password = randomBytes(18).toString('base64url');
    await runBluezone(
      ['admin', 'user', 'add', '--username', 'bench.national', '--password', password, '--role', 'national'],
      env,
    );
    // One export pass now, so that the index and a file exist for the download classes.
    await runBluezone(['export', 'run', '--json'], env);
    const target = await benchTarget(servers[0] as ServerProcess, servers, authority, password);

    const generators = requestClasses(target);
    const rates = peakRates();
    const meters: Meters = {
      server: cpuMeter(() => servers.flatMap((s) => (s.child.pid ? processTree(s.child.pid) : []))),
      postgres: postgresPids ? cpuMeter(postgresPids) : undefined,
    };
    const classes: ClassResult[] = [];
    for (const name of ORDER) {
      let concurrency = options.concurrency;
      for (;;) {
        const result: ClassResult = {
          name,
          label: CLASS_LABELS[name],
          ...(await measureLoad(options.seconds, concurrency, generators[name], rates[name], meters)),
        };
        const load = result;
        say(
          `${name.padEnd(11)} c=${concurrency}: ${Math.round(load.requestsPerSecond)} req/s, p99 ${load.p99Ms.toFixed(0)} ms, server ${result.serverCpuMsPerRequest.toFixed(2)} ms/req, PostgreSQL ${result.postgresCpuMsPerRequest?.toFixed(2) ?? '?'} ms/req${Object.keys(load.failures).length ? `, failures ${JSON.stringify(load.failures)}` : ''}`,
        );
        // The pipeline's later stages cannot run twice on the same input: keep what they measured.
        const canRetry = concurrency > 1 && !['verify', 'certificate', 'publish'].includes(name);
        if (result.p99Met || !canRetry || load.requests === 0) {
          classes.push(result);
          break;
        }
        concurrency = Math.max(1, Math.floor(concurrency / 2));
      }
    }
    const mixed = await mixedPhase(options, mixedRequests(generators, rates), rates, meters, say);
    const failed = classes.filter((c) => c.ok === 0);
    if (mixed.ok === 0)
      throw new Error(`no request of the mix succeeded (${JSON.stringify(mixed.failures)})`);
    if (failed.length > 0) {
      throw new Error(
        `no request of ${failed.map((c) => `${c.name} (${JSON.stringify(c.failures)})`).join(', ')} succeeded: the benchmark measured nothing for them`,
      );
    }
    return {
      machine: {
        cpus: cpus().length,
        cpu: cpus()[0]?.model ?? 'unknown',
        node: process.version,
        loadAverage: loadavg().map((x) => Number(x.toFixed(2))),
      },
      processes: options.processes,
      seconds: options.seconds,
      p99BoundMs: P99_BOUND_MS,
      classes: REQUEST_CLASSES.map((n) => classes.find((c) => c.name === n) as ClassResult),
      mixed,
      projection: projection(classes),
      totalSeconds: (performance.now() - started) / 1000,
    };
  } finally {
    for (const s of servers) if (s.child.exitCode === null) s.child.kill('SIGTERM');
    await Promise.all(servers.map((s) => s.exited));
    await cluster?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The mix for `seconds`, halving the concurrency while p99 is over the bound. */
async function mixedPhase(
  options: NationalBenchOptions,
  next: () => LoadRequest | undefined,
  rates: Record<RequestClass, number>,
  meters: Meters,
  say: (line: string) => void,
): Promise<MixedResult> {
  const peakRate = Object.values(rates).reduce((sum, r) => sum + r, 0);
  let concurrency = options.concurrency;
  for (;;) {
    const result = await measureLoad(options.seconds, concurrency, next, peakRate, meters);
    const load = result;
    const slowest = Object.entries(load.byTag).sort(([, a], [, b]) => b.p99Ms - a.p99Ms)[0];
    say(
      `mixed       c=${concurrency}: ${Math.round(load.requestsPerSecond)} req/s, p99 ${load.p99Ms.toFixed(0)} ms (slowest ${slowest?.[0]} ${slowest?.[1].p99Ms.toFixed(0)} ms), server ${result.serverCpuMsPerRequest.toFixed(2)} ms/req, PostgreSQL ${result.postgresCpuMsPerRequest?.toFixed(2) ?? '?'} ms/req${Object.keys(load.failures).length ? `, failures ${JSON.stringify(load.failures)}` : ''}`,
    );
    if (result.p99Met || concurrency === 1 || load.requests === 0) return result;
    concurrency = Math.max(1, Math.floor(concurrency / 2));
  }
}

function projection(classes: ClassResult[]): NationalBenchResult['projection'] {
  const serverCores = classes.reduce((sum, c) => sum + c.serverCores, 0);
  const measured = classes.every((c) => c.postgresCores !== null);
  const postgresCores = measured ? classes.reduce((sum, c) => sum + (c.postgresCores ?? 0), 0) : null;
  const top = (key: 'serverCores' | 'postgresCores') =>
    [...classes].sort((a, b) => (b[key] ?? 0) - (a[key] ?? 0))[0]?.name as RequestClass;
  return {
    serverCores,
    postgresCores,
    goal: GOAL,
    headroom: {
      server: GOAL.serverCores / serverCores,
      postgres: postgresCores === null ? null : GOAL.postgresCores / postgresCores,
    },
    dominant: { server: top('serverCores'), postgres: measured ? top('postgresCores') : null },
  };
}

/** Signs the official in, reads the areas and the export index the classes draw from. */
async function benchTarget(
  first: ServerProcess,
  servers: ServerProcess[],
  authority: { adminApiKey: string; deviceApiKey: string; healthAuthorityId: string },
  password: string,
): Promise<BenchTarget> {
  const base = `http://127.0.0.1:${first.port}`;
  const session = await fetch(`${base}/console/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'bench.national', password }),
  });
  if (session.status !== 200)
    throw new Error(`console sign-in failed: ${session.status} ${await session.text()}`);
  const cookie = (session.headers.get('set-cookie') ?? '').split(';')[0] as string;
  const areas = (await (await fetch(`${base}/v1/areas`)).json()) as {
    provinces: { iso: string; districts: { code: string }[] }[];
  };
  const index = await fetch(`${base}/v1/exports/VN/index.txt`);
  const zipPaths = index.status === 200 ? (await index.text()).split('\n').filter(Boolean) : [];
  return {
    ports: servers.map((s) => s.port),
    adminApiKey: authority.adminApiKey,
    deviceApiKey: authority.deviceApiKey,
    healthAuthorityId: authority.healthAuthorityId,
    sessionCookie: cookie,
    provinces: areas.provinces.map((p) => ({ iso: p.iso, districts: p.districts.map((d) => d.code) })),
    zipPaths,
  };
}

// Re-exported for the command's text.
export { NATIONAL_DAY };
