// A sighting log prepared for matching: RPIs in a typed-array hash table (no hex strings, no Map),
// each sighting's interval, the phone's scans, and the "needed" bitmap of intervals j that some
// sighting could belong to (a sighting heard at i can only be RPI_j for |i − j| ≤ 12).

import type { Sighting } from '../diagnosis.js';
import { ProtocolError } from '../errors.js';
import { CLOCK_TOLERANCE_INTERVALS, INTERVAL_SECONDS } from '../time/interval.js';
import { type PhoneScans, phoneScans } from './phone-scans.js';

/** A sighting log indexed for matching. Build once per log with {@link indexSightings}. */
export interface SightingIndex {
  readonly sightings: readonly Sighting[];
  readonly scans: PhoneScans;
  /** Interval number heard at, per sighting. */
  readonly intervals: Float64Array;
  /** The 16 RPI bytes of each sighting, as 4 native-endian 32-bit words. */
  readonly rpiWords: Int32Array;
  /** Hash of an RPI's first word → first sighting of the bucket (−1 if none); `next` chains it. */
  readonly buckets: Int32Array;
  readonly next: Int32Array;
  readonly bucketShift: number;
  /**
   * One bit per hash value (top `32 − filterShift` bits of the same hash): set when some sighting's
   * RPI has that hash. About 8 bits per sighting, so it stays in the CPU cache where the bucket
   * table would not; most derived RPIs are rejected here without touching the buckets.
   */
  readonly filter: Int32Array;
  readonly filterShift: number;
  /** needed[j − neededBase] = 1 when some sighting was heard within j ± 12. */
  readonly needed: Uint8Array;
  readonly neededBase: number;
}

export const RPI_HASH_MULTIPLIER = 0x9e3779b1 | 0;

/** Hash of an RPI's first native-endian word (multiplicative hashing of the whole word). */
export function rpiHash(word0: number): number {
  return Math.imul(word0, RPI_HASH_MULTIPLIER);
}

/** A log may span at most this many intervals (about 20 years): beyond it, times are garbage. */
export const MAX_LOG_SPAN_INTERVALS = 1 << 20;

/**
 * Rejects a log with a sighting whose RPI is not 16 bytes, whose AEM is not 4 bytes, whose time is
 * negative or not finite, or whose times span more than {@link MAX_LOG_SPAN_INTERVALS}.
 */
export function checkSightingLog(sightings: readonly Sighting[]): void {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  sightings.forEach((s, i) => {
    if (s.rpi.length !== 16 || s.aem.length !== 4 || !Number.isFinite(s.seconds) || s.seconds < 0) {
      throw new ProtocolError(
        'invalid_sighting',
        `sighting ${i} must have a 16-byte RPI, a 4-byte AEM and a time ≥ 0`,
      );
    }
    lo = Math.min(lo, s.seconds);
    hi = Math.max(hi, s.seconds);
  });
  if ((hi - lo) / INTERVAL_SECONDS > MAX_LOG_SPAN_INTERVALS) {
    throw new ProtocolError('invalid_sighting', 'the sighting log spans more than 20 years');
  }
}

/** Indexes a log (validating every sighting). Memory is a few dozen bytes per sighting. */
export function indexSightings(sightings: readonly Sighting[]): SightingIndex {
  checkSightingLog(sightings);
  const m = sightings.length;
  const rpiBytes = new Uint8Array(16 * m);
  const intervals = new Float64Array(m);
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  sightings.forEach((s, i) => {
    rpiBytes.set(s.rpi, 16 * i);
    const interval = Math.floor(s.seconds / INTERVAL_SECONDS);
    intervals[i] = interval;
    lo = Math.min(lo, interval);
    hi = Math.max(hi, interval);
  });
  const rpiWords = new Int32Array(rpiBytes.buffer);
  const bits = Math.max(4, Math.ceil(Math.log2(m + 1)));
  const bucketShift = 32 - bits;
  const buckets = new Int32Array(1 << bits).fill(-1);
  const next = new Int32Array(m);
  const filterBits = Math.min(24, bits + 3);
  const filterShift = 32 - filterBits;
  const filter = new Int32Array(1 << Math.max(0, filterBits - 5));
  for (let i = m - 1; i >= 0; i--) {
    const h = rpiHash(rpiWords[4 * i] as number);
    const b = h >>> bucketShift;
    next[i] = buckets[b] as number;
    buckets[b] = i;
    const f = h >>> filterShift;
    filter[f >>> 5] = (filter[f >>> 5] as number) | (1 << (f & 31));
  }
  const t = CLOCK_TOLERANCE_INTERVALS;
  const neededBase = m === 0 ? 0 : lo - t;
  const needed = new Uint8Array(m === 0 ? 0 : hi - lo + 2 * t + 1);
  // Mark heard intervals, then spread each mark ±12 with a running count over a sliding window.
  // heard[k] ↔ interval lo − t + k; needed[x] ↔ interval neededBase + x = lo − t + x, and needed[x]
  // is set when heard[x − t … x + t] holds a mark (window heard[k − 2t … k] with k = x + t).
  const heard = new Uint8Array(needed.length + t);
  for (let i = 0; i < m; i++) heard[(intervals[i] as number) - lo + t] = 1;
  let inWindow = 0;
  for (let k = 0; k < heard.length; k++) {
    inWindow += heard[k] as number;
    if (k >= 2 * t + 1) inWindow -= heard[k - 2 * t - 1] as number;
    if (k >= t) needed[k - t] = inWindow > 0 ? 1 : 0;
  }
  return {
    sightings,
    scans: phoneScans(sightings),
    intervals,
    rpiWords,
    buckets,
    next,
    bucketShift,
    filter,
    filterShift,
    needed,
    neededBase,
  };
}
