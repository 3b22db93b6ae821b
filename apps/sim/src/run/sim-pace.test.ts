import { describe, expect, it } from 'vitest';
import { SimClock } from './sim-clock.js';
import { simPace } from './sim-pace.js';

describe('simPace', () => {
  it('moves simulated time smoothly at the rate, and does not wait when the simulation is behind', async () => {
    const clock = new SimClock(0);
    const pace = simPace(clock, 1000, () => false, 20); // 1 simulated second per real ms
    const seen: number[] = [];
    const watch = setInterval(() => seen.push(clock.nowMs()), 10);
    const started = Date.now();
    await pace(200_000);
    clearInterval(watch);
    const waited = Date.now() - started;
    expect(waited).toBeGreaterThanOrEqual(150);
    expect(waited).toBeLessThan(1_000);
    expect(seen.some((t) => t > 50_000 && t < 190_000)).toBe(true);
    clock.set(200_000);
    // A slow step (the simulation computing for 300 ms) is not made up by rushing afterwards.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const before = Date.now();
    await pace(250_000);
    expect(Date.now() - before).toBeLessThan(30);
    const again = Date.now();
    await pace(300_000);
    expect(Date.now() - again).toBeGreaterThanOrEqual(40);
  });

  it('stops waiting when told to stop, and never waits with rate 0', async () => {
    const clock = new SimClock(0);
    let stop = false;
    setTimeout(() => {
      stop = true;
    }, 50);
    const started = Date.now();
    await simPace(clock, 1, () => stop)(1e9);
    expect(Date.now() - started).toBeLessThan(500);
    await simPace(clock, 0)(1e12);
    expect(clock.nowMs()).toBeLessThan(1e9);
  });
});
