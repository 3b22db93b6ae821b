import pino from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startPeriodicJob } from './periodic-job.js';

const logger = pino({ level: 'silent' });
afterEach(() => vi.useRealTimers());

describe('startPeriodicJob', () => {
  it('runs now and every interval, never overlapping, and survives failures', async () => {
    vi.useFakeTimers();
    let runs = 0;
    let release: () => void = () => undefined;
    const job = startPeriodicJob(
      'test',
      1000,
      () => {
        runs++;
        if (runs === 2) return Promise.reject(new Error('boom'));
        return new Promise<void>((resolve) => {
          release = resolve;
        });
      },
      logger,
    );
    expect(runs).toBe(1);
    await vi.advanceTimersByTimeAsync(3000); // the first run is still going: no second one
    expect(runs).toBe(1);
    release();
    await vi.advanceTimersByTimeAsync(1000);
    expect(runs).toBe(2); // fails, logged
    await vi.advanceTimersByTimeAsync(1000);
    expect(runs).toBe(3);
    release();
    await job.stop();
    await vi.advanceTimersByTimeAsync(5000);
    expect(runs).toBe(3);
  });
});
