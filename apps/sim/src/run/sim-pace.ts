import type { SimClock } from './sim-clock.js';

/**
 * Paces a simulation for people watching it (`npm start`): simulated time runs at most `rate`
 * simulated ms per real ms. Waiting until `toMs`, the clock moves forward smoothly (every `stepMs`
 * of real time) so phones joined over the demo air see time pass; when the simulation is slower than
 * the pace, nothing waits. `stopped()` ends a wait early.
 */
export function simPace(
  clock: SimClock,
  rate: number,
  stopped: () => boolean = () => false,
  stepMs = 100,
): (toMs: number) => Promise<void> {
  let anchor = { wallMs: Date.now(), simMs: clock.nowMs() };
  const allowed = () => anchor.simMs + (Date.now() - anchor.wallMs) * rate;
  return async (toMs) => {
    if (!(rate > 0) || toMs <= clock.nowMs()) return;
    if (allowed() >= toMs) {
      // The simulation is slower than the pace: nothing to wait for, and no credit kept for later.
      anchor = { wallMs: Date.now(), simMs: toMs };
      return;
    }
    while (!stopped() && allowed() < toMs) {
      clock.set(Math.floor(allowed()));
      await new Promise((resolve) =>
        setTimeout(resolve, Math.max(1, Math.min(stepMs, (toMs - allowed()) / rate))),
      );
    }
    anchor = { wallMs: anchor.wallMs + (toMs - anchor.simMs) / rate, simMs: toMs };
  };
}
