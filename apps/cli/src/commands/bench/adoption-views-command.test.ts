import { describe, expect, it } from 'vitest';
import { runBluezone as bluezone } from '../../testing/run-bluezone.js';

describe('bluezone bench adoption-views', () => {
  it('rejects bad options with exit code 2', async () => {
    expect((await bluezone('bench', 'adoption-views', '--days', '0')).code).toBe(2);
    expect((await bluezone('bench', 'adoption-views', '--requests', 'many')).code).toBe(2);
  });

  it('seeds every district and times each adoption page', async () => {
    const { code, stdout } = await bluezone(
      'bench',
      'adoption-views',
      '--days',
      '2',
      '--requests',
      '2',
      '--json',
    );
    expect(code).toBe(0);
    const r = JSON.parse(stdout);
    expect(r.seeded).toMatchObject({ provinces: 63, days: 2 });
    expect(r.seeded.countRows).toBe(r.seeded.districts * 2 * 2);
    expect(r.seeded.importRows).toBe(3 * 63 * 2);
    expect(r.pages.map((p: { page: string }) => p.page)).toEqual([
      'national',
      'national CSV',
      expect.stringMatching(/^province VN-/),
      'time series VN',
      expect.stringMatching(/^time series VN-/),
    ]);
    expect(r.reads).toHaveLength(5);
    for (const x of r.reads) expect(x.summaryMs).toBeGreaterThan(0);
    for (const p of r.pages) {
      expect(p.requests).toBe(2);
      expect(p.p99Ms).toBeGreaterThanOrEqual(p.p50Ms);
    }
  }, 300_000);
});
