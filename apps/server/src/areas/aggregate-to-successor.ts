import type { AreaSet } from './area-set.types.js';

/** Counts of the successor's units and what could not be placed. */
export interface Aggregated {
  /** One entry per successor unit, in the successor's order, 0 where none of its parts had counts. */
  readonly counts: ReadonlyMap<string, number>;
  /** Input codes that are not a unit of the predecessor (their counts are not in `counts`). */
  readonly unknown: readonly string[];
}

/**
 * Adds counts keyed by the predecessor's codes (2020 provinces) into the successor's units (the 2025
 * provinces): installs in Thái Bình and Hưng Yên become Hưng Yên's. Pure: no I/O, inputs untouched.
 */
export function aggregateToSuccessor(
  successor: AreaSet,
  counts: ReadonlyMap<string, number> | Readonly<Record<string, number>>,
): Aggregated {
  const into = new Map<string, string>();
  for (const unit of successor.provinces) for (const part of unit.formedFrom ?? []) into.set(part, unit.code);
  const result = new Map(successor.provinces.map((p) => [p.code, 0]));
  const unknown: string[] = [];
  const entries = counts instanceof Map ? [...counts.entries()] : Object.entries(counts);
  for (const [code, count] of entries) {
    const target = into.get(code);
    if (target === undefined) unknown.push(code);
    else result.set(target, (result.get(target) ?? 0) + count);
  }
  return { counts: result, unknown };
}
