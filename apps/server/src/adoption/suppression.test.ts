import { describe, expect, it } from 'vitest';
import { cell, hidden, MIN_CELL, shown, suppressGroup, suppressSeries } from './suppression.js';

describe('small-cell suppression', () => {
  it('hides a count below 10 and shows 10 and more', () => {
    expect(MIN_CELL).toBe(10);
    expect(cell(0)).toEqual(hidden);
    expect(cell(9)).toEqual({ value: null, suppressed: true });
    expect(cell(10)).toEqual(shown(10));
    expect(cell(223_074)).toEqual({ value: 223_074, suppressed: false });
  });

  it('suppresses a second cell when a single one of a group with a shown total is suppressed', () => {
    const { cells, total } = suppressGroup([120, 4, 35, 60]);
    expect(total).toEqual(shown(219));
    expect(cells).toEqual([shown(120), hidden, hidden, shown(60)]);
    // The total minus what is shown is the sum of two unknown counts, never one.
    const visible = cells.reduce((a, c) => a + (c.value ?? 0), 0);
    expect((total.value ?? 0) - visible).toBe(39);
  });

  it('needs no second cell when two or more are already suppressed, or none is', () => {
    expect(suppressGroup([3, 5, 40]).cells).toEqual([hidden, hidden, shown(40)]);
    expect(suppressGroup([30, 50]).cells).toEqual([shown(30), shown(50)]);
  });

  it('suppresses a total below 10 and every part with it', () => {
    expect(suppressGroup([2, 3])).toEqual({ cells: [hidden, hidden], total: hidden });
    expect(suppressGroup([])).toEqual({ cells: [], total: hidden });
  });

  it('suppresses a single cell equal to its total', () => {
    expect(suppressGroup([7])).toEqual({ cells: [hidden], total: hidden });
    expect(suppressGroup([70])).toEqual({ cells: [shown(70)], total: shown(70) });
  });

  it('defers small days of a series until they add up to 10', () => {
    const series = suppressSeries([
      { day: '2020-08-01', value: 25 },
      { day: '2020-08-02', value: 4 },
      { day: '2020-08-03', value: 3 },
      { day: '2020-08-04', value: 5 },
      { day: '2020-08-05', value: 0 },
      { day: '2020-08-06', value: 2 },
    ]);
    expect(series.map((p) => [p.value, p.suppressed, p.cumulative])).toEqual([
      [25, false, 25],
      [null, true, 25],
      [null, true, 25],
      [12, false, 37],
      [null, true, 37],
      [null, true, 37],
    ]);
    // No shown value and no difference of cumulative values is below 10.
    const cumulative = [0, ...new Set(series.map((p) => p.cumulative))];
    for (let i = 1; i < cumulative.length; i++)
      expect((cumulative[i] ?? 0) - (cumulative[i - 1] ?? 0)).toBeGreaterThanOrEqual(MIN_CELL);
  });
});
