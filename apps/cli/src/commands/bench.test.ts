import { afterEach, describe, expect, it } from 'vitest';
import { runBluezone } from '../testing/run-bluezone.js';

const bluezone = runBluezone;

afterEach(() => {
  process.exitCode = undefined;
});

describe('bluezone bench match', () => {
  it.each(['household', 'solo', 'worst'])(
    'finds exactly the planted keys in a %s log and reports JSON',
    async (log) => {
      const { code, stdout } = await bluezone(
        'bench',
        'match',
        '--keys',
        '3000',
        '--sightings',
        '2000',
        '--log',
        log,
        '--json',
      );
      expect(code).toBe(0);
      const r = JSON.parse(stdout);
      for (const field of [
        'keysPerSecond',
        'keys',
        'sightings',
        'matches',
        'peakRssMb',
        'ratio',
        'referenceKeysPerSecond',
      ]) {
        expect(r).toHaveProperty(field);
      }
      expect(r).toMatchObject({
        keys: 3000,
        sightings: 2000,
        matches: 10,
        plantedKeys: 10,
        missedKeys: 0,
        inventedKeys: 0,
      });
      expect(r.matchedSightings).toBe(r.plantedSightings);
      expect(r.keysPerSecond).toBeGreaterThan(0);
    },
  );

  it.each(['js', 'node', 'naive'])('gives the same matches with the %s primitives', async (primitives) => {
    const { code, stdout } = await bluezone(
      'bench',
      'match',
      '--keys',
      '500',
      '--sightings',
      '800',
      '--seed',
      '3',
      '--primitives',
      primitives,
      '--json',
    );
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ matches: 10, missedKeys: 0, inventedKeys: 0 });
  });

  it('prints a human summary against the 25 % target', async () => {
    const { code, stdout } = await bluezone('bench', 'match', '--keys', '200', '--sightings', '300');
    expect(code).toBe(0);
    expect(stdout).toMatch(/keys\/s .* of the native 1,370,000 keys\/s \(target ≥ 25\.0 %/);
    expect(stdout).toMatch(/all found, none invented/);
  });

  it('rejects bad options with exit code 2', async () => {
    expect((await bluezone('bench', 'match', '--keys', 'many')).code).toBe(2);
    expect((await bluezone('bench', 'match', '--log', 'party')).code).toBe(2);
    expect((await bluezone('bench', 'match', '--primitives', 'gpu')).code).toBe(2);
  });
});
