import { describe, expect, it } from 'vitest';
import { avertedLines, quarantineLines, targetShare, valueAt } from './curve-figures.js';

const spread = (mean: number) => ({ mean, min: mean, max: mean });
const point = (adoption: number, cutF1: number, cutF2: number, daysF1: number, daysF2: number) => ({
  adoption,
  cutF1: spread(cutF1),
  cutF2: spread(cutF2),
  quarantineDaysF1: spread(daysF1),
  quarantineDaysF2: spread(daysF2),
  mostInQuarantineF1: spread(0),
  mostInQuarantineF2: spread(0),
});
const curve = {
  people: 2000,
  days: 120,
  seeds: 1,
  seed: 1,
  reference: { totalInfected: spread(1500), quarantinePersonDays: spread(10_000) },
  points: [point(0.2, 0.03, 0.05, 12_000, 14_000), point(0.6, 0.18, 0.34, 20_000, 40_000)],
};

describe('the panel figures', () => {
  it('starts the averted curves at 0 and the quarantine curves at the no-app reference, per 1,000 people', () => {
    expect(avertedLines(curve).f1).toEqual([
      [0, 0],
      [20, 3],
      [60, 18],
    ]);
    expect(quarantineLines(curve).f2).toEqual([
      [0, 5000],
      [20, 7000],
      [60, 20_000],
    ]);
  });

  it('reads a value between points linearly, and clamps outside', () => {
    const line = avertedLines(curve).f2;
    // 23.9 % lies 3.9/40 of the way from 20 % (5 %) to 60 % (34 %).
    expect(valueAt(line, 23.9)).toBeCloseTo(5 + (29 * 3.9) / 40, 10);
    expect(valueAt(line, 0)).toBe(0);
    expect(valueAt(line, 95)).toBe(34);
    expect(valueAt([], 50)).toBe(0);
  });

  it("takes the area's first target with a number of users as a share of its population", () => {
    const target = (area: string, targetUsers: number | null) => ({ area, targetUsers }) as never;
    expect(
      targetShare([target('VN-06', 9), target('VN-20', null), target('VN-20', 600)], 'VN-20', 1000),
    ).toBe(0.6);
    expect(targetShare([target('VN-20', 600)], 'VN-20', null)).toBeNull();
    expect(targetShare(undefined, 'VN-20', 1000)).toBeNull();
    expect(targetShare([target('VN-20', 5000)], 'VN-20', 1000)).toBe(1);
  });
});
