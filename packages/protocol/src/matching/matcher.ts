// The fast matcher: streams diagnosis keys, derives only the RPIs a sighting could belong to, and
// looks them up in the log's typed-array hash table. Equal to the reference matcher (full
// derivation of every interval) on random inputs: see matcher.property.test.ts.

import type { DiagnosisKey, Sighting } from '../diagnosis.js';
import { ProtocolError } from '../errors.js';
import { CLOCK_TOLERANCE_INTERVALS } from '../time/interval.js';
import { exposureWindows } from './exposure-windows.js';
import { type KeyPolicy, keyPolicy } from './key-policy.js';
import type { KeyMatch, MatchingOptions, MatchResult } from './matching-types.js';
import { jsMatchingPrimitives } from './primitives/matching-primitives.js';
import { indexSightings, RPI_HASH_MULTIPLIER, type SightingIndex } from './sighting-index.js';

const MAX_PERIOD = 144;
/** Interval numbers are uint32: a key's period is cut there (as in the reference). */
export const LAST_INTERVAL = 0xffffffff;

/** keyPolicy, remembered per (report type, days since onset): no allocation per key. */
function cachedKeyPolicy(mapping: MatchingOptions['mapping']): (key: DiagnosisKey) => KeyPolicy | undefined {
  const cache = new Map<number, KeyPolicy | null>();
  return (key) => {
    const days = key.daysSinceOnsetOfSymptoms;
    if (days !== undefined && !(Number.isInteger(days) && Math.abs(days) < 500)) {
      return keyPolicy(key, mapping);
    }
    const slot = key.reportType * 1024 + (days === undefined ? 1000 : days + 500);
    let policy = cache.get(slot);
    if (policy === undefined) {
      policy = keyPolicy(key, mapping) ?? null;
      cache.set(slot, policy);
    }
    return policy ?? undefined;
  };
}

/**
 * Finds the sightings of `log` that belong to each key of `keys` and builds their exposure windows.
 * Keys are read one at a time and nothing derived from them is kept: memory does not grow with the
 * number of keys (only with the matches). A sighting heard at interval i belongs to a key when it
 * equals RPI_j for some j of the key's rolling period with |i − j| ≤ 12.
 *
 * Shortcut: RPI_j is derived only for the intervals j some sighting was heard within ±12 of (the
 * log's "needed" bitmap); a key none of whose intervals is needed costs no cryptography at all.
 */
export function matchDiagnosisKeys(
  keys: Iterable<DiagnosisKey>,
  log: readonly Sighting[] | SightingIndex,
  options: MatchingOptions,
): MatchResult {
  const index = 'buckets' in log ? log : indexSightings(log);
  const primitives = options.primitives ?? jsMatchingPrimitives;
  const { buckets, next, rpiWords, intervals, needed, neededBase, bucketShift, filter, filterShift } = index;
  // Imported bindings copied to locals: read in the hot loop, they would cost a load and a check each.
  const tolerance = CLOCK_TOLERANCE_INTERVALS;
  const multiplier = RPI_HASH_MULTIPLIER;
  const wanted = new Uint32Array(MAX_PERIOD);
  const rpik = new Uint8Array(16);
  const blocks = new Uint8Array(16 * MAX_PERIOD);
  const words = new Int32Array(blocks.buffer);
  const progressEvery = Math.max(1, options.progressEvery ?? 100_000);
  const matches: KeyMatch[] = [];
  const policies = cachedKeyPolicy(options.mapping);
  let keysRead = 0;
  for (const key of keys) {
    keysRead++;
    if (options.onProgress !== undefined && keysRead % progressEvery === 0) options.onProgress(keysRead);
    if (key.keyData.length !== 16) {
      throw new ProtocolError(
        'invalid_key',
        `a temporary exposure key has 16 bytes, not ${key.keyData.length}`,
      );
    }
    const policy = policies(key);
    if (policy === undefined) continue;
    const start = key.rollingStartIntervalNumber;
    const lo = Math.max(start, neededBase);
    const end = Math.min(start + Math.min(key.rollingPeriod, MAX_PERIOD), LAST_INTERVAL + 1);
    const hi = Math.min(end, neededBase + needed.length);
    let count = 0;
    for (let j = lo; j < hi; j++) if (needed[j - neededBase] === 1) wanted[count++] = j;
    if (count === 0) continue;
    primitives.rpiKey(key.keyData, rpik);
    primitives.rpis(rpik, wanted, count, blocks);
    let matched: number[] | undefined;
    for (let n = 0; n < count; n++) {
      const o = 4 * n;
      const w0 = words[o] as number;
      const h = Math.imul(w0, multiplier); // rpiHash, inlined by hand
      const f = h >>> filterShift;
      if (((filter[f >>> 5] as number) & (1 << (f & 31))) === 0) continue;
      for (let s = buckets[h >>> bucketShift] as number; s >= 0; s = next[s] as number) {
        const p = 4 * s;
        if (
          rpiWords[p] === w0 &&
          rpiWords[p + 1] === words[o + 1] &&
          rpiWords[p + 2] === words[o + 2] &&
          rpiWords[p + 3] === words[o + 3] &&
          Math.abs((intervals[s] as number) - (wanted[n] as number)) <= tolerance
        ) {
          if (matched === undefined) matched = [];
          matched.push(s);
        }
      }
    }
    if (matched === undefined) continue;
    const windows = exposureWindows(
      key,
      policy,
      matched,
      index.sightings,
      index.scans,
      options.rssiCorrection,
    );
    matches.push({ key, reportType: policy.reportType, sightings: matched.length, windows });
  }
  return { keysRead, matches };
}
