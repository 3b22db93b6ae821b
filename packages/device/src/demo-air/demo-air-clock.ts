import type { DemoAirClient } from '@bluezone/api';
import type { Clock } from '../ports/clock.js';

/**
 * Runs `run` every `ms` real milliseconds until the returned function is called: the host's timer
 * (`setInterval` in a browser or Node), since the runtime owns none.
 */
export type Every = (ms: number, run: () => void) => () => void;

export interface DemoAirClockOptions {
  /** The host's timer, for `start`. */
  readonly every?: Every;
  /** How often to ask the simulation for its time, real milliseconds; default 5,000. */
  readonly pollMs?: number;
  /** The platform's real time (ms); `Date.now` by default. */
  readonly realNowMs?: () => number;
  /** Told when a poll fails (the clock keeps interpolating from the last answer). */
  readonly onError?: (error: unknown) => void;
}

/** A `Clock` that follows the simulation's accelerated time, with `sync`, `start` and `stop`. */
export interface DemoAirClockPort extends Clock {
  /** Asks the simulation for its time now; call once before the device starts. */
  sync(): Promise<void>;
  /** Polls every `pollMs` until `stop` (needs `every`). */
  start(): void;
  stop(): void;
  /** Simulated milliseconds per real millisecond, from the last answer. */
  readonly rate: number;
}

/**
 * The simulation's clock (`GET /demo/air/clock`), interpolated between polls: simulated time at the
 * last answer plus the real time since then times the rate. Never goes backwards: when a poll finds
 * the interpolation ahead of the simulation (it slowed down or paused), the clock holds until the
 * simulation catches up.
 */
export function createDemoAirClock(
  client: DemoAirClient,
  options: DemoAirClockOptions = {},
): DemoAirClockPort {
  const realNow = options.realNowMs ?? (() => Date.now());
  const pollMs = options.pollMs ?? 5_000;
  let baseSimMs: number | undefined;
  let baseRealMs = 0;
  let rate = 1;
  let lastGiven = 0;
  let cancel: (() => void) | undefined;

  const sync = async () => {
    const answer = await client.clock();
    baseSimMs = answer.nowMs;
    baseRealMs = realNow();
    rate = answer.rate;
  };
  return {
    nowMs() {
      const interpolated = baseSimMs === undefined ? realNow() : baseSimMs + (realNow() - baseRealMs) * rate;
      lastGiven = Math.max(lastGiven, Math.floor(interpolated));
      return lastGiven;
    },
    sync,
    start() {
      if (cancel !== undefined || options.every === undefined) return;
      cancel = options.every(pollMs, () => {
        sync().catch((error: unknown) => options.onError?.(error));
      });
    },
    stop() {
      cancel?.();
      cancel = undefined;
    },
    get rate() {
      return rate;
    },
  };
}
