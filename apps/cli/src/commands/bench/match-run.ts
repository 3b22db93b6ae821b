// Runs one matching benchmark: builds the log, streams the keys through the matcher on this thread
// (one core), times it, and checks what it found against the planted keys.

import { type MatchingPrimitives, matchDiagnosisKeys, RETENTION_DAYS } from '@bluezone/protocol';
import type { LogProfile } from './encounters.js';
import { BENCH_MAPPING, diagnosisKeys } from './key-stream.js';
import { plantKeys } from './planted-log.js';
import { seededRandom } from './random.js';
import { heardLog } from './sighting-log.js';

/** The native C rate the issue states (full derivation, one core, OpenSSL): keys per second. */
export const NATIVE_KEYS_PER_SECOND = 1_370_000;
export const TARGET_RATIO = 0.25;
/** First UTC day of the log: 2026-11-01. */
export const FIRST_DAY = 20_393;

export interface MatchBenchOptions {
  readonly keys: number;
  readonly sightings: number;
  readonly seed: number;
  readonly log: LogProfile;
  readonly planted: number;
  readonly primitivesName: string;
  readonly primitives: MatchingPrimitives;
  readonly onProgress?: (keysRead: number, keysPerSecond: number) => void;
}

export function runMatchBench(o: MatchBenchOptions) {
  const random = seededRandom(o.seed);
  const { sightings, planted } = plantKeys(
    heardLog(o.log, FIRST_DAY, o.sightings, random),
    o.planted,
    random,
  );
  const keySeed = random.next();
  // What the key stream alone costs (generating random keys is not matching): drained once, untimed
  // in the result below but reported.
  let t0 = performance.now();
  for (const _ of diagnosisKeys(o.keys, [...planted.keys()], FIRST_DAY, seededRandom(keySeed))) void _;
  const keyStreamSeconds = (performance.now() - t0) / 1000;

  let blocks = 0;
  const counting: MatchingPrimitives = {
    rpiKey: o.primitives.rpiKey,
    rpis(rpik, intervals, count, out) {
      blocks += count;
      o.primitives.rpis(rpik, intervals, count, out);
    },
  };
  t0 = performance.now();
  const result = matchDiagnosisKeys(
    diagnosisKeys(o.keys, [...planted.keys()], FIRST_DAY, seededRandom(keySeed)),
    sightings,
    {
      rssiCorrection: 0,
      mapping: BENCH_MAPPING,
      primitives: counting,
      onProgress: (n) => o.onProgress?.(n, n / ((performance.now() - t0) / 1000)),
    },
  );
  const seconds = (performance.now() - t0) / 1000;
  const keysPerSecond = o.keys / seconds;
  const missed = [...planted].filter(
    ([key, n]) => !result.matches.some((m) => m.key === key && m.sightings === n),
  );
  const invented = result.matches.filter((m) => planted.get(m.key) !== m.sightings);
  return {
    keysPerSecond: Math.round(keysPerSecond),
    keys: o.keys,
    sightings: sightings.length,
    matches: result.matches.length,
    matchedSightings: result.matches.reduce((n, m) => n + m.sightings, 0),
    windows: result.matches.reduce((n, m) => n + m.windows.length, 0),
    plantedKeys: planted.size,
    plantedSightings: [...planted.values()].reduce((a, b) => a + b, 0),
    missedKeys: missed.length,
    inventedKeys: invented.length,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    referenceKeysPerSecond: NATIVE_KEYS_PER_SECOND,
    ratio: keysPerSecond / NATIVE_KEYS_PER_SECOND,
    targetRatio: TARGET_RATIO,
    targetMet: keysPerSecond / NATIVE_KEYS_PER_SECOND >= TARGET_RATIO,
    rpisPerKey: blocks / o.keys,
    seconds,
    keyStreamSeconds,
    log: o.log,
    days: RETENTION_DAYS,
    seed: o.seed,
    primitives: o.primitivesName,
    node: process.version,
  };
}

export type MatchBenchResult = ReturnType<typeof runMatchBench>;
