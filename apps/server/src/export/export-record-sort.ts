// Pure: a batch's records sorted by key bytes (a key's revision right after the key itself).

import { R, RECORD_BYTES, FLAG_REVISED as REVISED } from '../exposures/exposure-records.js';

const INDEX_BITS = 21;
const SCALE = 2 ** INDEX_BITS;
// Imported constants copied into this module: hot loops read locals (see docs/performance.md).
const RECORD = RECORD_BYTES;
const WORDS = RECORD_BYTES / 4;
const FLAGS = R.flags;
const FLAG_REVISED = REVISED;

/**
 * The records sorted by key bytes, then unrevised before revised (the order of planExportFiles),
 * moved so that later passes read them in order (in `bytes` itself when it is 4-byte aligned). Records are moved into 256 buckets by their first
 * key byte (each small enough for the CPU cache), then each bucket is ordered by a native sort of
 * doubles (next four key bytes × 2^21 + position in the bucket) and copied out in that order; runs
 * that tie on those five bytes (rare) are sorted by comparing whole records.
 */
export function sortRecords(bytes: Uint8Array, count: number): Uint8Array {
  const starts = new Uint32Array(257);
  if (bytes.length !== count * RECORD) throw new RangeError(`${bytes.length} bytes are not ${count} records`);
  for (let i = 0; i < count; i++) (starts[(bytes[i * RECORD] as number) + 1] as number)++;
  let widest = 0;
  for (let b = 0; b < 256; b++) {
    widest = Math.max(widest, starts[b + 1] as number);
    starts[b + 1] = (starts[b + 1] as number) + (starts[b] as number);
  }
  if (widest >= SCALE) throw new RangeError(`${widest} keys share a first byte`);
  // Records move as 32-bit words; `bytes` is reused for the output when it is aligned.
  const sorted = bytes.byteOffset % 4 === 0 ? bytes : copy(bytes, 0, count * RECORD);
  const words = new Uint32Array(sorted.buffer, sorted.byteOffset, count * WORDS);
  const buckets = new Uint8Array(count * RECORD);
  const bucketWords = new Uint32Array(buckets.buffer);
  const fill = starts.slice(0, 256);
  for (let i = 0; i < count; i++) {
    const to = (fill[sorted[i * RECORD] as number] as number)++ * WORDS;
    const from = i * WORDS;
    for (let k = 0; k < WORDS; k++) bucketWords[to + k] = words[from + k] as number;
  }

  const keys = new Float64Array(widest);
  for (let b = 0; b < 256; b++) {
    const from = starts[b] as number;
    const n = (starts[b + 1] as number) - from;
    if (n === 0) continue;
    const slice = keys.subarray(0, n);
    for (let j = 0; j < n; j++) slice[j] = prefix(buckets, from + j) * SCALE + j;
    slice.sort();
    for (let j = 0; j < n; j++) {
      const at = (from + ((slice[j] as number) % SCALE)) * WORDS;
      const to = (from + j) * WORDS;
      for (let k = 0; k < WORDS; k++) words[to + k] = bucketWords[at + k] as number;
    }
    for (let j = from; j < from + n; ) {
      let k = j + 1;
      const p = prefix(sorted, j);
      while (k < from + n && prefix(sorted, k) === p) k++;
      if (k - j > 1) sortRun(sorted, j, k);
      j = k;
    }
  }
  return sorted;
}

/** Key bytes 1–4 of record `i` as an unsigned 32-bit number. */
function prefix(bytes: Uint8Array, i: number): number {
  const o = i * RECORD;
  return (
    (((bytes[o + 1] as number) << 24) |
      ((bytes[o + 2] as number) << 16) |
      ((bytes[o + 3] as number) << 8) |
      (bytes[o + 4] as number)) >>>
    0
  );
}

/** Sorts records from…to-1 by whole key, then unrevised first. */
function sortRun(bytes: Uint8Array, from: number, to: number): void {
  const run = Array.from({ length: to - from }, (_, j) =>
    copy(bytes, (from + j) * RECORD, (from + j + 1) * RECORD),
  );
  run.sort((a, b) => {
    for (let k = 0; k < 16; k++) {
      const d = (a[k] as number) - (b[k] as number);
      if (d !== 0) return d;
    }
    return ((a[FLAGS] as number) & FLAG_REVISED) - ((b[FLAGS] as number) & FLAG_REVISED);
  });
  run.forEach((record, j) => {
    bytes.set(record, (from + j) * RECORD);
  });
}

/** A copy of bytes from…to-1 (Buffer's `slice` would share memory). */
function copy(bytes: Uint8Array, from: number, to: number): Uint8Array {
  return Uint8Array.prototype.slice.call(bytes, from, to);
}
