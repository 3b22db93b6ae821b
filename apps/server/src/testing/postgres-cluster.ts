import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/** A throwaway PostgreSQL 15 cluster on loopback, for tests. */
export interface PostgresCluster {
  /** Superuser URL of the `postgres` database. */
  readonly adminUrl: string;
  /** The temporary directory holding the cluster's data, socket and log; deleted by `stop()`. */
  readonly directory: string;
  /** Creates an empty database and returns its `DATABASE_URL`. */
  createDatabase(): Promise<string>;
  /** Stops the server and deletes its directory. Safe to call twice. */
  stop(): Promise<void>;
}

/** Debian's location; `BLUEZONE_TEST_PG_BIN` overrides it (another install of PostgreSQL 15). */
export const POSTGRES_BIN_DIR = process.env.BLUEZONE_TEST_PG_BIN ?? '/usr/lib/postgresql/15/bin';

/** The directory holding PostgreSQL 15's `initdb` and `pg_ctl`; throws when they are missing. */
export function findPostgresBinaries(dir = POSTGRES_BIN_DIR): string {
  if (existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'))) return dir;
  throw new Error(
    `PostgreSQL 15 not found (no initdb and pg_ctl in ${dir}): install Debian's postgresql (.ci/run does)`,
  );
}

/**
 * Runs a PostgreSQL tool in `cwd` (the cluster's directory: the `postgres` user may not be allowed
 * into ours), as that user when we are root (initdb refuses root).
 */
function runTool(bin: string, tool: string, args: string[], cwd: string): void {
  const asRoot = process.getuid?.() === 0;
  const [cmd, argv] = asRoot
    ? ['runuser', ['-u', 'postgres', '--', join(bin, tool), ...args]]
    : [join(bin, tool), args];
  const result = spawnSync(cmd, argv, { cwd, encoding: 'utf8', timeout: 60_000 });
  if (result.status !== 0) {
    throw new Error(`${tool} failed (${result.status ?? result.signal}): ${result.stderr || result.stdout}`);
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject()));
    });
  });
}

/**
 * initdb's a cluster in a new temporary directory and starts it on a free loopback port, without
 * fsync. The caller must `stop()` it; a process exit stops it too (immediate shutdown).
 */
export async function startPostgresCluster(binDir = POSTGRES_BIN_DIR): Promise<PostgresCluster> {
  const bin = findPostgresBinaries(binDir);
  const dir = mkdtempSync(join(tmpdir(), 'bluezone-pg-'));
  const data = join(dir, 'data');
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }));
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }));
    chownSync(dir, uid, gid);
  }
  let started = false;
  const stopNow = (mode: 'fast' | 'immediate') => {
    if (started) {
      started = false;
      try {
        runTool(bin, 'pg_ctl', ['stop', '-D', data, '-m', mode, '-w'], dir);
      } catch {
        // Already gone; the directory is removed all the same.
      }
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const onExit = () => stopNow('immediate');
  process.once('exit', onExit);
  try {
    runTool(bin, 'initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync'], dir);
    let port = 0;
    for (let attempt = 1; !started; attempt++) {
      port = await freePort();
      const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`;
      try {
        runTool(
          bin,
          'pg_ctl',
          ['start', '-D', data, '-l', join(dir, 'server.log'), '-w', '-o', options],
          dir,
        );
        started = true;
      } catch (error) {
        if (attempt >= 3) throw error; // another process may have taken the port: try another one
      }
    }
    const adminUrl = `postgres://postgres@127.0.0.1:${port}/postgres`;
    return {
      adminUrl,
      directory: dir,
      createDatabase: () => createDatabase(adminUrl),
      async stop() {
        process.removeListener('exit', onExit);
        stopNow('fast');
      },
    };
  } catch (error) {
    process.removeListener('exit', onExit);
    stopNow('immediate');
    throw error;
  }
}

/** Creates an empty database on the cluster behind `adminUrl` and returns its URL. */
export async function createDatabase(adminUrl: string): Promise<string> {
  const name = `bz_${process.pid}_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
