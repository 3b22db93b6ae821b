import { createServer } from 'node:net';
import { CliError } from '../cli-error.js';

/**
 * `error` as the CLI's one line when it is a listen error on a port already in use (EADDRINUSE):
 * which port, and how to choose another one. Any other error comes back unchanged.
 */
export function portInUse(error: unknown, port: number): unknown {
  if ((error as { code?: unknown } | null)?.code !== 'EADDRINUSE') return error;
  const other = port === 65_535 ? port - 1 : port + 1;
  return new CliError(
    `cổng ${port} đang được một chương trình khác dùng: hãy dừng chương trình đó, hoặc chọn cổng khác với --port ${other} (--port 0: một cổng trống bất kỳ) / ` +
      `port ${port} is already in use (EADDRINUSE): stop what uses it, or choose another port with --port ${other} (--port 0: any free port)`,
    undefined,
    { cause: error },
  );
}

/**
 * Fails at once, with the CLI's line, when `port` on `host` is taken: before minutes of web builds
 * and database start-up. Port 0 (any free port) always passes.
 */
export async function checkPortFree(port: number, host: string): Promise<void> {
  if (port === 0) return;
  const probe = createServer();
  await new Promise<void>((resolve, reject) => {
    probe.once('error', reject);
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve()));
  }).catch((error: unknown) => {
    throw portInUse(error, port);
  });
}
