import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * `bluezone` commands as child processes, the way an operator (or systemd) runs them: the national
 * benchmark and the deployment test start real `bluezone server` processes with these.
 */

/** The `bluezone` entry point (runs the TypeScript sources through tsx). */
export const BLUEZONE_BIN = fileURLToPath(new URL('../../bin/bluezone.mjs', import.meta.url));

/**
 * Polls `check` every 100 ms until it returns true, for at most `ms` (generous: a loaded machine
 * starts a server through tsx in minutes; docs/testing.md).
 */
export async function waitFor(what: string, check: () => Promise<boolean>, ms = 300_000): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms / 1000} s waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** One `bluezone server --port N` process. */
export interface ServerProcess {
  readonly port: number;
  readonly child: ChildProcess;
  /** The last 20,000 characters it wrote (stdout and stderr), for error messages. */
  readonly output: () => string;
  /** Its exit code (null when a signal ended it). */
  readonly exited: Promise<number | null>;
}

/**
 * Starts `bluezone server --port N --no-web-build`, as deploy/systemd/bluezone@.service does: several
 * processes starting at once must not all build the web apps (they are built once, before).
 */
export function startServerProcess(port: number, env: NodeJS.ProcessEnv): ServerProcess {
  const child = spawn(process.execPath, [BLUEZONE_BIN, 'server', '--port', String(port), '--no-web-build'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return {
    port,
    child,
    output: () => output,
    exited: new Promise((resolve) => child.once('exit', (code) => resolve(code))),
  };
}

/** Waits until the process answers `GET /readyz` with 200; throws with its output if it exits first. */
export async function waitReady(server: ServerProcess, ms?: number): Promise<void> {
  let exited = false;
  void server.exited.then(() => {
    exited = true;
  });
  await waitFor(
    `bluezone server on port ${server.port} to be ready`,
    async () => {
      if (exited) throw new Error(`bluezone server on port ${server.port} exited:\n${server.output()}`);
      return (await fetch(`http://127.0.0.1:${server.port}/readyz`)).status === 200;
    },
    ms,
  );
}

/** Runs a `bluezone` command to its end and returns its stdout; `faketime` runs it shifted (`+3h`). */
export function runBluezone(args: string[], env: NodeJS.ProcessEnv, faketime?: string): Promise<string> {
  const [cmd, argv] = faketime
    ? ['faketime', ['-f', faketime, process.execPath, BLUEZONE_BIN, ...args]]
    : [process.execPath, [BLUEZONE_BIN, ...args]];
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, argv, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
    });
    child.stderr.on('data', (c: Buffer) => {
      err += c.toString();
    });
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`bluezone ${args.join(' ')} exited ${code}:\n${err}`)),
    );
  });
}
