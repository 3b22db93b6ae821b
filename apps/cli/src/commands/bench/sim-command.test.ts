import { describe, expect, it } from 'vitest';
import { runBluezone } from '../../testing/run-bluezone.js';

describe('bluezone bench sim', () => {
  it('times a small district against the scaled target and weighs its memory', async () => {
    const run = await runBluezone(
      'bench',
      'sim',
      '--people',
      '400',
      '--days',
      '2',
      '--sample',
      '2',
      '--json',
    );
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result).toMatchObject({
      people: 400,
      days: 2,
      target: { people: 100_000, days: 14, seconds: 600 },
    });
    expect(result.seconds).toBeGreaterThan(0);
    expect(result.peakBytes).toBeGreaterThan(50 * 2 ** 20);
    expect(typeof result.timeMet).toBe('boolean');
    expect(result.memoryMet).toBe(true);
    expect(result.report.people).toBe(400);
    expect(result.phaseSeconds.world).toBeGreaterThan(0);
    expect(run.stderr).toMatch(/bench sim: day 2\/2/);
  }, 600_000);

  it('refuses bad options with exit code 2', async () => {
    const run = await runBluezone('bench', 'sim', '--people', 'many');
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });
});
