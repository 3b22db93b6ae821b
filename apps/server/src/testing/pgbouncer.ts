import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './postgres-cluster.js';

export const PGBOUNCER = process.env.BLUEZONE_TEST_PGBOUNCER ?? '/usr/sbin/pgbouncer';

export interface PgBouncer {
  /** `url` with PgBouncer's address in place of PostgreSQL's. */
  through(url: string): string;
  /** What PgBouncer logged (for a failing test's message). */
  log(): string;
  stop(): Promise<void>;
}

/** Throws how to install it when Debian's pgbouncer is missing (CI installs .ci/apt-packages). */
export function findPgBouncer(): string {
  if (!existsSync(PGBOUNCER))
    throw new Error(
      `PgBouncer not found at ${PGBOUNCER}: apt-get install pgbouncer (listed in .ci/apt-packages)`,
    );
  return PGBOUNCER;
}

const accepts = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => socket.end(() => resolve(true)));
    socket.once('error', () => resolve(false));
  });

/**
 * PgBouncer in transaction mode in front of the PostgreSQL of `adminUrl` (a trust-authenticated test
 * cluster), with `poolSize` server connections per database and user, on a free loopback port.
 */
export async function startPgBouncer(adminUrl: string, poolSize: number): Promise<PgBouncer> {
  const bin = findPgBouncer();
  const target = new URL(adminUrl);
  const user = decodeURIComponent(target.username) || 'postgres';
  const dir = mkdtempSync(join(tmpdir(), 'bluezone-pgbouncer-'));
  const port = await freePort();
  writeFileSync(join(dir, 'users.txt'), `"${user}" ""\n`);
  writeFileSync(
    join(dir, 'pgbouncer.ini'),
    [
      '[databases]',
      `* = host=${target.hostname} port=${target.port}`,
      '[pgbouncer]',
      'listen_addr = 127.0.0.1',
      `listen_port = ${port}`,
      'unix_socket_dir =',
      'auth_type = trust',
      `auth_file = ${join(dir, 'users.txt')}`,
      'pool_mode = transaction',
      `default_pool_size = ${poolSize}`,
      'max_client_conn = 200',
      `logfile = ${join(dir, 'pgbouncer.log')}`,
      '',
    ].join('\n'),
  );
  // PgBouncer refuses to run as root: as root, it runs as the cluster's user.
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }));
    for (const f of ['', 'users.txt', 'pgbouncer.ini']) chownSync(join(dir, f), id('-u'), id('-g'));
  }
  const child: ChildProcess = spawn(
    bin,
    [...(asRoot ? ['-u', 'postgres'] : []), join(dir, 'pgbouncer.ini')],
    {
      stdio: 'ignore',
    },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const log = () => {
    try {
      return readFileSync(join(dir, 'pgbouncer.log'), 'utf8');
    } catch {
      return '';
    }
  };
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
    rmSync(dir, { recursive: true, force: true });
  };
  // Ready when it accepts connections (polled with a generous bound, never a fixed sleep).
  for (let i = 0; !(await accepts(port)); i++) {
    if (child.exitCode !== null || i >= 600) {
      const text = log();
      await stop();
      throw new Error(`PgBouncer did not start: ${text}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    through(url) {
      const u = new URL(url);
      u.hostname = '127.0.0.1';
      u.port = String(port);
      return u.toString();
    },
    log,
    stop,
  };
}
