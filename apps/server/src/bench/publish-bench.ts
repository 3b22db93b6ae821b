import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import pg from 'pg';
import { initHealthAuthority } from '../app/admin-init.service.js';
import { openCore } from '../app/open-core.js';
import { loadConfig } from '../config/load-config.js';
import { createLogger } from '../http/logger.js';
import { startChildServer } from './bench-child.js';
import { type LoadResult, runLoad } from './load-run.js';
import { publishRequestMaker } from './publish-requests.js';

export interface PublishBenchResult {
  publish: LoadResult & { storedKeys: number };
  bare: LoadResult;
  /** Publish requests/s over the bare-Node ceiling's. */
  ratio: number;
  /** Publish bodies made before the run (each with its own keys and certificate). */
  pooledRequests: number;
}

const WARMUP_SECONDS = 1;

/**
 * The real server (child process, PostgreSQL behind it) under `connections` connections of publish
 * requests for `seconds`, then a bare node:http server answering the same requests with a fixed
 * body, with the same settings. Every publish request carries 14 new keys and its own certificate.
 */
export async function runPublishBench(
  databaseUrl: string,
  secret: string,
  seconds: number,
  connections: number,
  progress: (line: string) => void,
): Promise<PublishBenchResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bluezone-bench-publish-'));
  const env = { DATABASE_URL: databaseUrl, BLUEZONE_SECRET: secret, BLUEZONE_DATA_DIR: dataDir };
  const config = loadConfig(env);
  const sink = new Writable({ write: (_chunk, _encoding, done) => done() });
  const core = await openCore(config, { logger: createLogger('info', sink) });
  let maker: ReturnType<typeof publishRequestMaker>;
  try {
    const { healthAuthorityId } = await initHealthAuthority(core, 'VN');
    const key = await core.signingKeys.ensureActive('certificate', null, core.clock.now());
    maker = publishRequestMaker(config, key, healthAuthorityId);
  } finally {
    await core.close();
  }
  try {
    // Bodies are made ahead so the load generator spends its time sending; past the pool, on the fly.
    const poolSize = Math.min(200_000, (seconds + WARMUP_SECONDS) * 2_500);
    progress(`making ${poolSize.toLocaleString('en')} publish requests (keys and certificates)…`);
    const pool = Array.from({ length: poolSize }, () => maker.next());
    let next = 0;
    const fresh = () => (next < pool.length ? (pool[next++] as string) : maker.next());

    const server = await startChildServer('./server-child.ts', env);
    let publish: LoadResult;
    try {
      progress(`publish: ${connections} connections, ${seconds} s…`);
      await runLoad({ port: server.port, seconds: WARMUP_SECONDS, connections, body: fresh });
      publish = await runLoad({ port: server.port, seconds, connections, body: fresh });
    } finally {
      await server.stop();
    }
    const storedKeys = await countExposures(databaseUrl);

    const bareServer = await startChildServer('./bare-http-child.ts', {});
    let bare: LoadResult;
    try {
      progress(`bare node:http: ${connections} connections, ${seconds} s…`);
      let i = 0;
      const cycle = () => pool[i++ % pool.length] as string;
      await runLoad({ port: bareServer.port, seconds: WARMUP_SECONDS, connections, body: cycle });
      bare = await runLoad({ port: bareServer.port, seconds, connections, body: cycle });
    } finally {
      await bareServer.stop();
    }
    return {
      publish: { ...publish, storedKeys },
      bare,
      ratio: publish.requestsPerSecond / bare.requestsPerSecond,
      pooledRequests: poolSize,
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function countExposures(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>('SELECT count(*) AS n FROM exposures');
    return Number(rows[0]?.n ?? 0);
  } finally {
    await client.end();
  }
}
