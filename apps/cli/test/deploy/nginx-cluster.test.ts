import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseExportIndex, parsePublicKeyPem, readExportFile } from '@bluezone/protocol';
import { freePort, type PostgresCluster, startPostgresCluster } from '@bluezone/server';
import pg from 'pg';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  runBluezone as bluezone,
  type ServerProcess,
  startServerProcess,
  waitReady,
} from '../../src/processes/server-process.js';
import { Nginx, newSecret, REPO, requireTool } from './cluster.js';
import { type FlowResult, GaenClient, httpPost } from './gaen-client.js';

// The deployment of docs/scale.md on one machine: three `bluezone server` processes behind nginx
// (deploy/nginx/bluezone.conf), one PostgreSQL, one S3 bucket (s3rver). Everything through real
// processes and real HTTP, as an operator runs it.

requireTool('/usr/sbin/nginx', 'nginx');
requireTool('/usr/bin/faketime', 'faketime');

let dir: string;
let cluster: PostgresCluster;
let databaseUrl: string;
let s3: S3rver;
let env: NodeJS.ProcessEnv;
let servers: ServerProcess[] = [];
let nginx: Nginx;
let base: string;
let authority: {
  healthAuthorityId: string;
  adminApiKey: string;
  deviceApiKey: string;
  exportSigning: { keyId: string; keyVersion: string; publicKeyPem: string };
};

/** Runs `flows` GAEN flows with `concurrency` at a time; `onDone(n)` after each one ends. */
async function runFlows(
  client: GaenClient,
  flows: number,
  concurrency: number,
  onDone: (done: number) => Promise<void> | void = () => {},
): Promise<FlowResult[]> {
  const results: FlowResult[] = [];
  let started = 0;
  const worker = async () => {
    while (started < flows) {
      started++;
      results.push(await client.flow());
      await onDone(results.length);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return results;
}

async function exportedKeys(): Promise<{ paths: string[]; keys: Map<string, number> }> {
  const trusted = [
    {
      keyId: authority.exportSigning.keyId,
      keyVersion: authority.exportSigning.keyVersion,
      publicKey: parsePublicKeyPem(authority.exportSigning.publicKeyPem),
    },
  ];
  const index = await fetch(`${base}/v1/exports/VN/index.txt`, { headers: { 'cache-control': 'no-cache' } });
  expect(index.status).toBe(200);
  const paths = parseExportIndex(await index.text());
  const keys = new Map<string, number>();
  for (const path of paths) {
    const zip = await fetch(`${base}/v1/exports/${path}`);
    expect(zip.status).toBe(200);
    const file = readExportFile(new Uint8Array(await zip.arrayBuffer()), { publicKeys: trusted });
    expect(file.signatures.some((s) => s.valid)).toBe(true);
    for (const k of file.keys) {
      const key = Buffer.from(k.keyData).toString('base64');
      keys.set(key, (keys.get(key) ?? 0) + 1);
    }
  }
  return { paths, keys };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bz-deploy-'));
  cluster = await startPostgresCluster();
  databaseUrl = await cluster.createDatabase();
  s3 = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory: join(dir, 's3'),
    configureBuckets: [{ name: 'bluezone-exports' }],
  });
  const { port: s3Port } = await s3.run();
  env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    BLUEZONE_SECRET: newSecret(),
    BLUEZONE_BLOB_URL: `s3://bluezone-exports/vn?endpoint=http://127.0.0.1:${s3Port}&region=us-east-1`,
    AWS_ACCESS_KEY_ID: 'S3RVER',
    AWS_SECRET_ACCESS_KEY: 'S3RVER',
    BLUEZONE_TRUSTED_PROXIES: 'loopback',
    BLUEZONE_VERIFY_RATE_LIMIT: '10000',
    BLUEZONE_DAILY_ISSUE_QUOTA: '100000',
    BLUEZONE_LOG_LEVEL: 'warn',
    BLUEZONE_DATA_DIR: join(dir, 'data'),
  };
  // Three processes at once on an empty database: they race to migrate it.
  const ports = [await freePort(), await freePort(), await freePort()];
  servers = ports.map((port) => startServerProcess(port, env));
  await Promise.all(servers.map((s) => waitReady(s)));
  authority = JSON.parse(await bluezone(['admin', 'init', '--region', 'VN', '--json'], env));
  nginx = new Nginx(join(dir, 'nginx'), await freePort());
  nginx.configure(ports);
  await nginx.start();
  base = `http://127.0.0.1:${nginx.port}`;
});

afterAll(async () => {
  await nginx?.stop();
  for (const s of servers) if (s.child.exitCode === null) s.child.kill('SIGKILL');
  await Promise.all(servers.map((s) => s.exited));
  await s3?.close();
  await cluster?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('three bluezone server processes behind nginx on one PostgreSQL and one S3 bucket', () => {
  it('migrated the empty database once although three processes started at once', async () => {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query('SELECT name FROM bluezone_migrations ORDER BY name');
      const files = readdirSync(join(REPO, 'apps/server/migrations')).filter((f) => f.endsWith('.sql'));
      expect(rows.map((r) => r.name)).toEqual(files.sort());
    } finally {
      await client.end();
    }
  });

  it('keeps every acknowledged publish when a process is killed with SIGKILL in the middle of the load', async () => {
    const client = new GaenClient(
      base,
      authority.adminApiKey,
      authority.deviceApiKey,
      authority.healthAuthorityId,
    );
    const victim = servers[1] as ServerProcess;
    const results = await runFlows(client, 60, 6, (done) => {
      if (done === 15) victim.child.kill('SIGKILL');
    });
    expect(await victim.exited).toBe(null); // killed, not exited
    // The others keep serving: every flow from now on goes through.
    const after = await runFlows(client, 6, 1);
    expect(after.filter((r) => !r.published)).toEqual([]);
    const all = [...results, ...after];
    const acknowledged = all.filter((r) => r.published);
    // Only requests in flight on the killed process may fail; most of the load goes through.
    expect(acknowledged.length).toBeGreaterThan(all.length - 12);
    expect(client.percentile(99)).toBeLessThan(10_000);

    // Two export passes at once, three hours ahead (the current hour's batch is due 65 minutes after
    // it ends): one writes each batch, the other finds nothing left.
    const passes = await Promise.all(
      [1, 2].map(async () => JSON.parse(await bluezone(['export', 'run', '--json'], env, '+3h'))),
    );
    expect(passes.every((p) => typeof p.batches === 'number')).toBe(true);

    const { paths, keys } = await exportedKeys();
    expect(new Set(paths).size).toBe(paths.length); // each file listed once
    for (const r of acknowledged) for (const k of r.keys) expect(keys.get(k)).toBe(1);
    // No key twice, and the database, the exports and the export counters agree.
    const ours = new Set(all.flatMap((r) => r.keys));
    const exportedOurs = [...keys].filter(([k]) => ours.has(k));
    expect(exportedOurs.every(([, n]) => n === 1)).toBe(true);
    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    try {
      const stored = await db.query("SELECT count(*)::int AS n FROM exposures WHERE region = 'VN'");
      expect(stored.rows[0].n).toBe(exportedOurs.length);
      const files = await db.query('SELECT path FROM export_files ORDER BY path');
      const written: string[] = files.rows.map((r) => r.path);
      // The national set's files are exactly its index; the rest are province sets' (docs/export-files.md).
      expect(written.filter((p) => p.startsWith('VN/')).sort()).toEqual([...paths].sort());
      expect(written.filter((p) => !p.startsWith('VN/') && !/^VN-[0-9A-Z]+\//.test(p))).toEqual([]);
      const batches = await db.query(
        "SELECT count(*)::int AS n FROM export_batches WHERE status <> 'complete'",
      );
      expect(batches.rows[0].n).toBe(0);
    } finally {
      await db.end();
    }
  }, 600_000);

  it('restarts the processes one at a time (taken out of nginx first) without a failed request', async () => {
    // The killed process comes back first.
    const ports = servers.map((s) => s.port);
    const index = servers.findIndex((s) => s.child.exitCode !== null || s.child.signalCode !== null);
    if (index >= 0) {
      servers[index] = startServerProcess(ports[index] as number, env);
      await waitReady(servers[index] as ServerProcess);
    }
    nginx.configure(ports);
    await nginx.reload();

    const client = new GaenClient(
      base,
      authority.adminApiKey,
      authority.deviceApiKey,
      authority.healthAuthorityId,
    );
    let restarting = true;
    const load = (async () => {
      const results: FlowResult[] = [];
      while (restarting) results.push(...(await runFlows(client, 4, 4)));
      return results;
    })();
    for (let i = 0; i < servers.length; i++) {
      const port = ports[i] as number;
      nginx.configure(ports, new Set([port]));
      await nginx.reload();
      const old = servers[i] as ServerProcess;
      old.child.kill('SIGTERM');
      expect(await old.exited).toBe(0);
      servers[i] = startServerProcess(port, env);
      await waitReady(servers[i] as ServerProcess);
      nginx.configure(ports);
      await nginx.reload();
    }
    restarting = false;
    const results = await load;
    expect(results.length).toBeGreaterThan(0);
    expect(results.filter((r) => !r.published).map((r) => r.failed)).toEqual([]);
    expect(client.samples.filter((s) => s.status !== 200)).toEqual([]);
  }, 600_000);

  it('refuses a body over 64 KiB at nginx, before any process', async () => {
    const response = await httpPost(`${base}/v1/publish`, 'x'.repeat(70_000));
    expect(response.status).toBe(413);
  });

  it('serves export files as a CDN origin: cached by nginx, a second fetch is a hit', async () => {
    const { paths } = await exportedKeys();
    const path = `/v1/exports/${paths[0]}`;
    await fetch(`${base}${path}`);
    const again = await fetch(`${base}${path}`);
    expect(again.status).toBe(200);
    expect(again.headers.get('x-cache-status')).toBe('HIT');
    expect(again.headers.get('cache-control')).toMatch(/immutable/);
  });

  it('counts every adoption report exactly once all processes have stopped cleanly', async () => {
    // Reports go straight to each process (as nginx forwards them, with the phone's address); each
    // process holds its counts in memory and writes them at the latest when it stops.
    const reports = 100;
    const sent = await Promise.all(
      servers.map(async (server, s) => {
        let ok = 0;
        for (let i = 0; i < reports; i++) {
          const response = await fetch(`http://127.0.0.1:${server.port}/v1/adoption/active`, {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              'x-forwarded-for': `198.51.100.${s * 100 + (i % 50) + 1}`,
            },
            body: JSON.stringify({ province: 'VN-20', platform: 'android', appVersion: '1.0.0' }),
          });
          if (response.status === 200) ok++;
        }
        return ok;
      }),
    );
    expect(sent).toEqual(servers.map(() => reports));
    for (const server of servers) server.child.kill('SIGTERM');
    expect(await Promise.all(servers.map((server) => server.exited))).toEqual(servers.map(() => 0));
    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    try {
      const { rows } = await db.query(
        "SELECT coalesce(sum(active), 0)::int AS n FROM adoption_counts WHERE province = 'VN-20'",
      );
      expect(rows[0].n).toBe(reports * servers.length);
    } finally {
      await db.end();
    }
  }, 600_000);
});
