// Which trace warning packages the worker writes (docs/decisions/0020): the national set (`VN`, every
// warning, hourly packages) and one set per province of the configured area set (the warnings placed
// in that province, in packages of the province export interval, at least an hour). Pure.

const HOUR_MS = 3_600_000;

export interface TraceWarningSet {
  /** The packages' header `region` and folder: `VN`, `VN-20`. */
  readonly code: string;
  /** The province whose warnings make the set; undefined: every warning. */
  readonly province?: string;
  /** Hours one package covers (fixed per set: windows stay unique, packages exactly once). */
  readonly hours: number;
}

/** One package's window: `hours` hours from `hour` (hours since the epoch). */
export interface PackageWindow {
  readonly hour: number;
  readonly hours: number;
}

/**
 * The national set, then one set per province, whose packages cover the province export interval in
 * whole hours (at least 1, at most 24: an interval under an hour gives hourly packages).
 */
export function traceWarningSets(
  region: string,
  provinces: readonly string[],
  provinceIntervalMs: number,
): TraceWarningSet[] {
  const hours = Math.min(24, Math.max(1, Math.floor(provinceIntervalMs / HOUR_MS)));
  return [
    { code: region, hours: 1 },
    ...provinces.filter((p) => p !== region).map((province) => ({ code: province, province, hours })),
  ];
}

/**
 * The complete windows to plan for a set after its last planned one (`lastEnd`: the hour after it),
 * up to `lastHour` (the last complete hour), never starting before `firstHour`. Windows end on
 * multiples of `hours` since the epoch (UTC midnights for 24); a set with nothing planned yet starts
 * with its last complete window, or earlier when `firstHour` (the oldest warning kept) is earlier.
 * After a change of interval the next window starts where the last ended.
 */
export function packageWindows(
  lastEnd: number | undefined,
  firstHour: number,
  lastHour: number,
  hours: number,
): PackageWindow[] {
  const alignedDown = (h: number) => Math.floor(h / hours) * hours;
  const earliest = alignedDown(Math.min(firstHour, lastHour + 1 - hours));
  let start = lastEnd === undefined || lastEnd < earliest ? earliest : lastEnd;
  const windows: PackageWindow[] = [];
  for (;;) {
    const end = alignedDown(start) + hours;
    if (end - 1 > lastHour) return windows;
    windows.push({ hour: start, hours: end - start });
    start = end;
  }
}
