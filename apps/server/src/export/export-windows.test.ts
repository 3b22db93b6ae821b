import { describe, expect, it } from 'vitest';
import { batchWindows, EXPORT_SETTLE_MS } from './export-windows.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const at = (iso: string) => new Date(iso);
const iso = (w: { start: Date; end: Date }) => [w.start.toISOString(), w.end.toISOString()];

describe('batchWindows', () => {
  it("covers a region's retained keys in one first window ending on a settled period boundary", () => {
    const windows = batchWindows(undefined, at('2026-03-10T10:30:00Z'), HOUR, 14 * DAY);
    expect(windows.map(iso)).toEqual([['2026-02-24T09:00:00.000Z', '2026-03-10T09:00:00.000Z']]);
  });

  it('then one window per period, only once it has settled', () => {
    const last = at('2026-03-10T09:00:00Z');
    expect(
      batchWindows(last, new Date(last.getTime() + HOUR + EXPORT_SETTLE_MS - 1), HOUR, 14 * DAY),
    ).toEqual([]);
    const windows = batchWindows(last, at('2026-03-10T13:10:00Z'), HOUR, 14 * DAY);
    expect(windows.map(iso)).toEqual([
      ['2026-03-10T09:00:00.000Z', '2026-03-10T10:00:00.000Z'],
      ['2026-03-10T10:00:00.000Z', '2026-03-10T11:00:00.000Z'],
      ['2026-03-10T11:00:00.000Z', '2026-03-10T12:00:00.000Z'],
    ]);
  });

  it('is contiguous after an outage longer than the retention, and after a change of period', () => {
    const last = at('2026-01-01T00:00:00Z');
    const windows = batchWindows(last, at('2026-03-10T10:30:00Z'), HOUR, 14 * DAY);
    expect(windows[0]?.start).toEqual(last);
    for (const [i, w] of windows.slice(1).entries()) expect(w.start).toEqual(windows[i]?.end);
    expect(windows.length).toBe(1 + 14 * 24);
    const odd = batchWindows(at('2026-03-10T09:20:00Z'), at('2026-03-10T13:10:00Z'), HOUR, 14 * DAY);
    expect(odd.map(iso)[0]).toEqual(['2026-03-10T09:20:00.000Z', '2026-03-10T10:00:00.000Z']);
  });
});
