import type { Random } from '../random/random.js';

/** One day's random interactions: person p met `other[start[p]]` … `other[start[p + 1] − 1]`. */
export interface RandomDay {
  readonly start: Int32Array;
  readonly other: Int32Array;
}

/**
 * A day of the random network (OpenABM's construction): every present person is listed as many
 * times as their daily count, the list is shuffled and neighbours on it meet (a pair of the same
 * person is dropped). `counts[p]` is drawn once per person; `present(p)` is false for people who
 * make no random interactions that day (quarantine, hospital).
 */
export function buildRandomDay(
  counts: Uint8Array,
  present: (person: number) => boolean,
  random: Random,
  scratch: { stubs: Int32Array },
): RandomDay {
  const size = counts.length;
  let total = 0;
  for (let p = 0; p < size; p++) if (present(p)) total += counts[p] as number;
  if (scratch.stubs.length < total) scratch.stubs = new Int32Array(total * 1.25);
  const stubs = scratch.stubs;
  let n = 0;
  for (let p = 0; p < size; p++) {
    if (!present(p)) continue;
    for (let k = counts[p] as number; k > 0; k--) stubs[n++] = p;
  }
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random.next() * (i + 1));
    const swap = stubs[i] as number;
    stubs[i] = stubs[j] as number;
    stubs[j] = swap;
  }
  const start = new Int32Array(size + 1);
  for (let i = 0; i + 1 < n; i += 2) {
    if (stubs[i] === stubs[i + 1]) continue;
    bump(start, (stubs[i] as number) + 1);
    bump(start, (stubs[i + 1] as number) + 1);
  }
  for (let p = 0; p < size; p++) start[p + 1] = (start[p + 1] as number) + (start[p] as number);
  const fill = start.slice(0, size);
  const other = new Int32Array(start[size] as number);
  for (let i = 0; i + 1 < n; i += 2) {
    const p = stubs[i] as number;
    const q = stubs[i + 1] as number;
    if (p === q) continue;
    const at = fill[p] as number;
    other[at] = q;
    fill[p] = at + 1;
    const back = fill[q] as number;
    other[back] = p;
    fill[q] = back + 1;
  }
  return { start, other };
}

/** Adds one to `counts[index]`. */
export function bump(counts: Int32Array, index: number): void {
  counts[index] = (counts[index] as number) + 1;
}
