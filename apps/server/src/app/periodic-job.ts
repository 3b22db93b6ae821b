import type { Logger } from 'pino';

export interface PeriodicJob {
  /** Stops scheduling, tells a run in progress to stop (its signal aborts) and waits for it to finish. */
  stop(): Promise<void>;
}

/**
 * Runs `run` now and then every `intervalMs`, never two runs at once (a run still going when the next
 * is due skips that turn). Failures are logged, not thrown: the next turn tries again. The timer does
 * not keep the process alive. The export worker and the cleanup job run on this.
 */
export function startPeriodicJob(
  name: string,
  intervalMs: number,
  run: (signal: AbortSignal) => Promise<unknown>,
  logger: Logger,
): PeriodicJob {
  let running: Promise<void> | undefined;
  const stopping = new AbortController();
  const turn = () => {
    if (running || stopping.signal.aborted) return;
    running = run(stopping.signal)
      .then((result) => logger.info({ job: name, result }, 'job finished'))
      .catch((error: unknown) => logger.error({ job: name, err: error }, 'job failed'))
      .finally(() => {
        running = undefined;
      });
  };
  const timer = setInterval(turn, intervalMs);
  timer.unref();
  turn();
  return {
    async stop() {
      stopping.abort();
      clearInterval(timer);
      await running;
    },
  };
}
