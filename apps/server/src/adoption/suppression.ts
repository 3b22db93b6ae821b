// Small-cell suppression (docs/privacy.md): every count the console shows or exports goes through
// here. A count below MIN_CELL is replaced by null with `suppressed: true`.

/** Counts below this are never shown. */
export const MIN_CELL = 10;

/** One shown count: the value, or null when it is suppressed. */
export interface Cell {
  readonly value: number | null;
  readonly suppressed: boolean;
}

export const shown = (value: number): Cell => ({ value, suppressed: false });
export const hidden: Cell = { value: null, suppressed: true };

/** A count on its own (no total is shown beside it): suppressed below MIN_CELL. */
export function cell(value: number): Cell {
  return value < MIN_CELL ? hidden : shown(value);
}

/**
 * Cells that add up to a shown total (provinces of the country, districts of a province with the
 * installs of no district, organisations with the installs of none…). Primary suppression: every
 * cell below MIN_CELL. Complementary suppression: when exactly one cell of the group is suppressed,
 * the smallest shown cell is suppressed too, so that the total minus the shown cells is the sum of
 * two unknown counts and never one. The total is itself a cell (suppressed below MIN_CELL, which
 * suppresses every part as well).
 */
export function suppressGroup(values: readonly number[]): { cells: Cell[]; total: Cell } {
  const sum = values.reduce((a, b) => a + b, 0);
  const total = cell(sum);
  if (total.suppressed) return { cells: values.map(() => hidden), total };
  const cells = values.map(cell);
  const suppressedCount = cells.filter((c) => c.suppressed).length;
  if (suppressedCount === 1 && values.length > 1) {
    let smallest = -1;
    values.forEach((v, i) => {
      if (!cells[i]?.suppressed && (smallest < 0 || v < (values[smallest] ?? 0))) smallest = i;
    });
    if (smallest >= 0) cells[smallest] = hidden;
  }
  return { cells, total };
}

/** One day of a suppressed time series. */
export interface SeriesPoint {
  readonly day: string;
  /** Installs released on this day (possibly including deferred earlier days), or null. */
  readonly value: number | null;
  readonly suppressed: boolean;
  /** The sum of the values released up to this day (never includes a deferred count). */
  readonly cumulative: number;
}

/**
 * A daily series without small cells, by deferral: a day's count is held back while what is held
 * back stays below MIN_CELL, and released with the first day that brings it to MIN_CELL or more. A
 * released value is thus the sum of that day and the days held back just before it; no shown value
 * and no difference of cumulative values is a count below MIN_CELL. Counts still held back at the
 * end of the series are not in any cumulative value.
 */
export function suppressSeries(days: readonly { day: string; value: number }[]): SeriesPoint[] {
  let pending = 0;
  let cumulative = 0;
  return days.map(({ day, value }) => {
    pending += value;
    if (pending < MIN_CELL) return { day, value: null, suppressed: true, cumulative };
    cumulative += pending;
    const released = pending;
    pending = 0;
    return { day, value: released, suppressed: false, cumulative };
  });
}
