import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** A server the benchmark started in a child process (its own event loop, as in production). */
export interface ChildServer {
  readonly port: number;
  stop(): Promise<void>;
}

/**
 * Forks `file` (a TypeScript entry of this directory, run through tsx) with `env`, waits for its
 * `{port}` message and returns it. The child stops on a `stop` message or when the parent exits.
 */
export async function startChildServer(file: string, env: Record<string, string>): Promise<ChildServer> {
  const tsx = import.meta.resolve('tsx');
  const child = fork(fileURLToPath(new URL(file, import.meta.url)), [], {
    env: { ...process.env, ...env },
    // BLUEZONE_BENCH_NODE_OPTIONS: extra Node flags for the servers (e.g. --cpu-prof, to profile them).
    execArgv: [
      '--import',
      tsx,
      ...(process.env.BLUEZONE_BENCH_NODE_OPTIONS ?? '').split(' ').filter(Boolean),
    ],
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (message: { port?: number }) =>
      typeof message.port === 'number' ? resolve(message.port) : reject(new Error('bad child message')),
    );
    child.once('exit', (code) => reject(new Error(`${file} exited (${code}) before listening: ${stderr}`)));
  });
  const kill = () => child.kill('SIGKILL');
  process.once('exit', kill);
  return {
    port,
    stop: () => stopChild(child, kill),
  };
}

function stopChild(child: ChildProcess, kill: () => void): Promise<void> {
  process.removeListener('exit', kill);
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(kill, 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.send('stop');
  });
}

/** In a child: reports the port to the parent, and runs `close` then exits on `stop`. */
export function serveInChild(port: number, close: () => Promise<void>): void {
  process.send?.({ port });
  const stop = () => {
    close().finally(() => process.exit(0));
  };
  process.on('message', (message) => {
    if (message === 'stop') stop();
  });
  process.on('disconnect', stop);
}
