import type { ContactBatch } from './contact-batch.js';

/** Below this many people a place compares every pair; above, it hashes positions into a grid. */
const BRUTE_FORCE_LIMIT = 24;

/**
 * Appends to `batch` every pair among `occupants` (person ids) closer than `range` metres, with
 * positions `x`, `y` and carrying positions `carrying` indexed by person. Large places use a spatial
 * hash with cells of `range` metres, so the work grows with the people nearby, not with the square
 * of the place's occupancy.
 */
export function findClosePairs(
  occupants: readonly number[],
  place: number,
  x: Float32Array,
  y: Float32Array,
  carrying: Uint8Array,
  range: number,
  batch: ContactBatch,
  crowdDensity = 0,
): void {
  const n = occupants.length;
  const range2 = range * range;
  if (n <= BRUTE_FORCE_LIMIT) {
    for (let i = 0; i < n; i++) {
      const p = occupants[i] ?? 0;
      for (let j = i + 1; j < n; j++)
        considerPair(p, occupants[j] ?? 0, place, x, y, carrying, range2, batch, crowdDensity);
    }
    return;
  }
  const cells = new Map<number, number[]>();
  for (const person of occupants) {
    const key = Math.floor((x[person] ?? 0) / range) * 65_536 + Math.floor((y[person] ?? 0) / range);
    const cell = cells.get(key);
    if (cell) cell.push(person);
    else cells.set(key, [person]);
  }
  for (const [key, members] of cells) {
    const cx = Math.floor(key / 65_536);
    const cy = key - cx * 65_536;
    for (let i = 0; i < members.length; i++) {
      for (let j = i + 1; j < members.length; j++)
        considerPair(members[i] ?? 0, members[j] ?? 0, place, x, y, carrying, range2, batch, crowdDensity);
    }
    // Half of the 8 neighbours, so that each pair of cells is visited once.
    for (const [dx, dy] of [
      [1, 0],
      [1, 1],
      [0, 1],
      [-1, 1],
    ] as const) {
      const other = cells.get((cx + dx) * 65_536 + cy + dy);
      if (!other) continue;
      for (const p of members)
        for (const q of other) considerPair(p, q, place, x, y, carrying, range2, batch, crowdDensity);
    }
  }
}

/** Appends p and q (ordered) to the batch when within range (module-level: no closure per call). */
function considerPair(
  p: number,
  q: number,
  place: number,
  x: Float32Array,
  y: Float32Array,
  carrying: Uint8Array,
  range2: number,
  batch: ContactBatch,
  crowdDensity: number,
): void {
  const dx = (x[p] ?? 0) - (x[q] ?? 0);
  const dy = (y[p] ?? 0) - (y[q] ?? 0);
  const d2 = dx * dx + dy * dy;
  if (d2 > range2) return;
  if (p < q) batch.push(p, q, place, Math.sqrt(d2), carrying[p] ?? 0, carrying[q] ?? 0, crowdDensity);
  else batch.push(q, p, place, Math.sqrt(d2), carrying[q] ?? 0, carrying[p] ?? 0, crowdDensity);
}
