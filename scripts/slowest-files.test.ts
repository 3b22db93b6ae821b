import { describe, expect, it } from 'vitest';
import { formatSlowest, slowestTestFiles } from './slowest-files.mjs';

const file = (name: string, startTime: number, endTime: number) => ({
  name: `/repo/${name}`,
  startTime,
  endTime,
});

describe('slowestTestFiles', () => {
  it('lists the ten slowest files of a Vitest JSON report, slowest first, relative to the root', () => {
    const report = {
      testResults: [
        ...Array.from({ length: 12 }, (_, i) => file(`t${i}.test.ts`, 0, 1000 * (i + 1))),
        { name: '/repo/broken.test.ts' },
      ],
    };
    const slowest = slowestTestFiles(report, '/repo');
    expect(slowest).toHaveLength(10);
    expect(slowest[0]).toEqual({ file: 't11.test.ts', seconds: 12 });
    expect(slowest.at(-1)).toEqual({ file: 't2.test.ts', seconds: 3 });
    expect(formatSlowest(slowest.slice(0, 2))).toEqual([
      'The 2 slowest test files:',
      '  12.0 s  t11.test.ts',
      '  11.0 s  t10.test.ts',
    ]);
  });

  it('prints nothing for a report without files', () => {
    expect(formatSlowest(slowestTestFiles({}, '/repo'))).toEqual([]);
  });
});
