import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SimClock } from './sim-clock.js';
import { simPace } from './sim-pace.js';

// Real time is Vitest's fake clock (Date.now and the timers), moved by hand: the assertions hold on a
// machine of any speed or load, and no test waits for real.
beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});
afterEach(() => {
  vi.useRealTimers();
});

/** Starts `wait` and tells whether it has finished, as fake time is moved. */
function track(wait: Promise<void>): { done: () => boolean } {
  let done = false;
  void wait.then(() => {
    done = true;
  });
  return { done: () => done };
}

describe('simPace', () => {
  it('moves simulated time smoothly at the rate, and does not wait when the simulation is behind', async () => {
    const clock = new SimClock(0);
    const pace = simPace(clock, 1000, () => false, 20); // 1 simulated second per real ms
    const seen: number[] = [];
    const watch = setInterval(() => seen.push(clock.nowMs()), 10);
    const first = track(pace(200_000));
    await vi.advanceTimersByTimeAsync(190);
    expect(first.done()).toBe(false);
    await vi.advanceTimersByTimeAsync(20);
    expect(first.done()).toBe(true);
    clearInterval(watch);
    expect(seen.some((t) => t > 50_000 && t < 190_000)).toBe(true);
    clock.set(200_000);
    // A slow step (the simulation computing for 300 ms) is not made up by rushing afterwards.
    await vi.advanceTimersByTimeAsync(300);
    const behind = track(pace(250_000));
    await vi.advanceTimersByTimeAsync(0);
    expect(behind.done()).toBe(true);
    const paced = track(pace(300_000));
    await vi.advanceTimersByTimeAsync(40);
    expect(paced.done()).toBe(false);
    await vi.advanceTimersByTimeAsync(20);
    expect(paced.done()).toBe(true);
  });

  it('stops waiting when told to stop, and never waits with rate 0', async () => {
    const clock = new SimClock(0);
    let stop = false;
    setTimeout(() => {
      stop = true;
    }, 50);
    const stopped = track(simPace(clock, 1, () => stop)(1e9));
    await vi.advanceTimersByTimeAsync(40);
    expect(stopped.done()).toBe(false);
    await vi.advanceTimersByTimeAsync(100); // the wait in progress (at most one step, 100 ms) ends
    expect(stopped.done()).toBe(true);
    const still = track(simPace(clock, 0)(1e12));
    await vi.advanceTimersByTimeAsync(0);
    expect(still.done()).toBe(true);
    expect(clock.nowMs()).toBeLessThan(1e9);
  });
});
