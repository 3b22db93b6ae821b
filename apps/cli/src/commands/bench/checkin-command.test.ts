import { describe, expect, it } from 'vitest';
import { runBluezone as bluezone } from '../../testing/run-bluezone.js';
import { benchCheckIns, benchWarnings } from './checkin-data.js';
import { seededRandom } from './random.js';

describe('bluezone bench checkin', () => {
  it('finds exactly the planted overlaps in signed packages and reports JSON', async () => {
    const args = ['--warnings', '5000', '--planted', '20', '--runs', '2', '--json'];
    const { code, stdout } = await bluezone('bench', 'checkin', ...args);
    expect(code).toBe(0);
    const r = JSON.parse(stdout);
    expect(r).toMatchObject({
      warnings: 5000,
      checkIns: 84,
      planted: 20,
      overlaps: 20,
      missed: 0,
      invented: 0,
      badSignatures: 0,
      targetSeconds: 1,
    });
    for (const field of ['matchSeconds', 'bestMatchSeconds', 'readSeconds', 'ratio', 'packages']) {
      expect(typeof r[field]).toBe('number');
    }
  });

  it('plants near misses that a sloppy overlap rule would report', () => {
    const random = seededRandom(7);
    const checkIns = benchCheckIns(20_000, 6, random);
    const { warnings, expected } = benchWarnings(checkIns, 20_000, 2000, 5, random);
    expect(warnings).toHaveLength(2000);
    expect(expected).toHaveLength(5);
    // Near misses: warnings on a check-in venue that touch a stay without sharing a second with it.
    const venues = new Set(checkIns.map((c) => c.locationIdHash));
    expect(warnings.filter((w) => venues.has(w.locationIdHash)).length).toBeGreaterThan(5 + 10);
  });

  it('refuses a bad option with exit 2', async () => {
    const { code, stderr } = await bluezone('bench', 'checkin', '--warnings', '0');
    expect(code).toBe(2);
    expect(stderr).toMatch(/--warnings must be an integer from 1/);
  });
});
