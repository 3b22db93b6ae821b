import type { Logger } from 'pino';

export interface PeriodicJob {
  /** Stops scheduling and waits for a run in progress to finish. */
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
  run: () => Promise<unknown>,
  logger: Logger,
): PeriodicJob {
  let running: Promise<void> | undefined;
  let stopped = false;
  const turn = () => {
    if (running || stopped) return;
    running = run()
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
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
