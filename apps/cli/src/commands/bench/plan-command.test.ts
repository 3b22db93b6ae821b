import { describe, expect, it } from 'vitest';
import { runBluezone } from '../../testing/run-bluezone.js';
import { PLAN_BENCH_TARGET, planBenchOptions } from './plan-command.js';

const defaults = { people: '100000', days: '120', adoption: '0.6', depth: '2', seed: '1' };

describe('bluezone bench plan', () => {
  it('parses its options', () => {
    expect(planBenchOptions(defaults)).toEqual({
      people: 100_000,
      days: 120,
      adoption: 0.6,
      depth: 2,
      seed: 1,
    });
    expect(PLAN_BENCH_TARGET).toMatchObject({ people: 100_000, days: 120, seconds: 20, peakBytes: 2 ** 30 });
    for (const bad of [{ people: 'many' }, { days: '0' }, { adoption: '2' }, { depth: '3' }, { seed: '-1' }])
      expect(() => planBenchOptions({ ...defaults, ...bad })).toThrow(/must be/);
  });

  it('times a small run and weighs its memory', async () => {
    const run = await runBluezone('bench', 'plan', '--people', '2000', '--days', '20', '--json');
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result).toMatchObject({ people: 2000, days: 20, adoption: 0.6, depth: 2, memoryMet: true });
    expect(result.agentDaysPerSecond).toBeGreaterThan(0);
    expect(result.cpuSeconds).toBeGreaterThanOrEqual(0);
    const bad = await runBluezone('bench', 'plan', '--people', 'many');
    expect(bad.code).toBe(2);
  }, 600_000);
});
