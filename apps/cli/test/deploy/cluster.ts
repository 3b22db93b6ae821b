import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { waitFor } from '../../src/processes/server-process.js';

/**
 * Real processes for the deployment tests: `bluezone server` processes started through the CLI (as
 * systemd would), nginx from Debian with the repository's deploy/nginx/bluezone.conf, and the
 * commands an operator runs. Nothing here reaches into the server's code.
 */

export const REPO = new URL('../../../../', import.meta.url).pathname;

/** Debian's nginx and faketime; the suite requires them (`.ci/apt-packages` installs both). */
export function requireTool(path: string, pkg: string): string {
  if (!existsSync(path)) throw new Error(`${path} not found: install Debian's ${pkg} (.ci/run does)`);
  return path;
}

/** nginx running deploy/nginx/bluezone.conf with the upstream, listen port and paths made local. */
export class Nginx {
  private child: ChildProcess | undefined;
  private readonly conf: string;
  output = '';

  constructor(
    private readonly dir: string,
    readonly port: number,
  ) {
    this.conf = join(dir, 'nginx.conf');
    for (const sub of ['cache', 'client_body', 'proxy', 'logs'])
      mkdirSync(join(dir, sub), { recursive: true });
  }

  /** Writes the configuration: `upstreams` are the server ports, `down` those taken out. */
  configure(upstreams: readonly number[], down: ReadonlySet<number> = new Set()): void {
    const source = readFileSync(join(REPO, 'deploy/nginx/bluezone.conf'), 'utf8');
    const servers = upstreams
      .map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=5s${down.has(p) ? ' down' : ''};`)
      .join('\n');
    const site = source
      .replace(/( {4}server \d+\.\d+\.\d+\.\d+:\d+ [^\n]*\n)+/, `${servers}\n`)
      .replace('listen 80;', `listen 127.0.0.1:${this.port};`)
      .replace('/var/cache/nginx/bluezone', join(this.dir, 'cache'));
    if (site === source) throw new Error('deploy/nginx/bluezone.conf: nothing to rewrite');
    const user = process.getuid?.() === 0 ? 'user root;\n' : '';
    writeFileSync(
      this.conf,
      `${user}worker_processes 1;\npid ${join(this.dir, 'nginx.pid')};\nerror_log ${join(this.dir, 'logs/error.log')} warn;\n` +
        `events { worker_connections 1024; }\nhttp {\n  access_log off;\n` +
        `  client_body_temp_path ${join(this.dir, 'client_body')};\n  proxy_temp_path ${join(this.dir, 'proxy')};\n` +
        `  fastcgi_temp_path ${join(this.dir, 'proxy')};\n  uwsgi_temp_path ${join(this.dir, 'proxy')};\n  scgi_temp_path ${join(this.dir, 'proxy')};\n` +
        `${site}\n}\n`,
    );
    const check = spawnSync('nginx', ['-t', '-p', this.dir, '-c', this.conf], { encoding: 'utf8' });
    if (check.status !== 0) throw new Error(`nginx -t refused the configuration:\n${check.stderr}`);
  }

  async start(): Promise<void> {
    this.child = spawn('nginx', ['-p', this.dir, '-c', this.conf, '-g', 'daemon off;'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stderr?.on('data', (c: Buffer) => {
      this.output += c.toString();
    });
    await waitFor('nginx', async () => (await fetch(`http://127.0.0.1:${this.port}/healthz`)).status === 200);
  }

  /**
   * `nginx -s reload`, then waits until every old worker has gone (they finish their requests
   * first), so that from then on only the new configuration routes requests.
   */
  async reload(): Promise<void> {
    const workers = () => {
      const pid = this.child?.pid;
      if (pid === undefined) return [];
      return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(' ').filter(Boolean);
    };
    const old = workers();
    const result = spawnSync('nginx', ['-p', this.dir, '-c', this.conf, '-s', 'reload'], {
      encoding: 'utf8',
    });
    if (result.status !== 0) throw new Error(`nginx -s reload failed:\n${result.stderr}`);
    await waitFor('nginx to reload', async () => {
      const now = workers();
      return now.length > 0 && !now.some((w) => old.includes(w));
    });
  }

  async stop(): Promise<void> {
    if (!this.child || this.child.exitCode !== null) return;
    const exited = new Promise((r) => this.child?.once('exit', r));
    this.child.kill('SIGQUIT');
    await exited;
  }
}

export const newSecret = () => randomBytes(32).toString('base64');
