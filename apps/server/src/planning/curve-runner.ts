import { Worker } from 'node:worker_threads';
import type { Clock } from '../clock.js';
import type { AdoptionCurveRepository } from './adoption-curve.repository.js';
import type { CurveJobMessage } from './curve-job.js';

/** Where the worker's progress and failures are told (Fastify's logger in the server). */
export interface CurveRunnerLog {
  info(object: object, message: string): void;
  error(object: object, message: string): void;
}

export interface CurveRunnerOptions {
  readonly curves: AdoptionCurveRepository;
  readonly clock: Clock;
  readonly log: CurveRunnerLog;
  /** Unique per process: the lease owner. */
  readonly owner: string;
  /** How long a lease lasts without progress before another process may take the row over. */
  readonly leaseMs: number;
  /** How often the runner looks for rows other processes queued or abandoned. */
  readonly pollMs: number;
}

export interface CurveRunner {
  /** Looks for queued rows now (a console request just queued one). */
  wake(): void;
  /** Stops: terminates a computation in progress and gives its row back to the queue. */
  stop(): Promise<void>;
}

const WORKER_URL = new URL('./curve-worker.mjs', import.meta.url);

/**
 * The background computation of adoption curves: one at a time per process, each in a worker thread
 * (never on the event loop), on rows claimed from `adoption_curves` under a lease so that several
 * processes never compute the same curve twice.
 */
export function startCurveRunner(options: CurveRunnerOptions): CurveRunner {
  const { curves, clock, log, owner, leaseMs } = options;
  let stopped = false;
  let running: Promise<void> | undefined;
  let again = false;
  let current: { worker: Worker; inputsHash: string } | undefined;

  async function compute(inputsHash: string, inputs: unknown): Promise<void> {
    const worker = new Worker(WORKER_URL, { workerData: inputs });
    current = { worker, inputsHash };
    let writes = Promise.resolve();
    try {
      const outcome = await new Promise<{ curve: unknown } | { error: string } | { lost: true }>(
        (resolve) => {
          worker.on('message', (message: CurveJobMessage) => {
            if (message.type === 'done') return resolve({ curve: message.curve });
            // The worker posts every PROGRESS_STEP: one write each, which also renews the lease.
            writes = writes.then(async () => {
              const held = await curves
                .progress(inputsHash, owner, message.share, clock.now(), leaseMs)
                .catch(() => true);
              if (!held) resolve({ lost: true });
            });
          });
          worker.on('error', (error) => resolve({ error: error.message }));
          worker.on('exit', (code) => resolve({ error: `the worker stopped (exit code ${code})` }));
        },
      );
      await writes;
      if (stopped) return;
      if ('curve' in outcome) {
        await curves.complete(inputsHash, owner, outcome.curve, clock.now());
        log.info({ job: 'planning', inputsHash }, 'adoption curve computed');
      } else if ('error' in outcome) {
        await curves.fail(inputsHash, owner, outcome.error, clock.now());
        log.error({ job: 'planning', inputsHash, err: outcome.error }, 'adoption curve failed');
      } else log.info({ job: 'planning', inputsHash }, 'adoption curve taken over by another process');
    } finally {
      current = undefined;
      await worker.terminate();
    }
  }

  async function pass(): Promise<void> {
    do {
      again = false;
      for (;;) {
        if (stopped) return;
        const claimed = await curves.claim(owner, clock.now(), leaseMs);
        if (!claimed) break;
        await compute(claimed.inputsHash, claimed.inputs);
      }
    } while (again && !stopped);
  }

  const turn = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = pass()
      .catch((error: unknown) => log.error({ job: 'planning', err: error }, 'planning pass failed'))
      .finally(() => {
        running = undefined;
      });
  };
  const timer = setInterval(turn, options.pollMs);
  timer.unref();

  return {
    wake: turn,
    async stop() {
      stopped = true;
      clearInterval(timer);
      const job = current;
      if (job) {
        await job.worker.terminate();
        await curves.release(job.inputsHash, owner).catch(() => undefined);
      }
      await running;
    },
  };
}
