// The reference matcher: the plain full derivation, kept to check the fast matcher against.
// Every key's RPIs for all the intervals of its rolling period are derived with keys/derivation.ts
// (@noble AES and HKDF) and compared byte by byte with every sighting. No index, no hash table, no
// "needed" intervals, no fast primitives. Quadratic: for tests and small logs only.

import { equalBytes } from '../bytes.js';
import type { DiagnosisKey, Sighting } from '../diagnosis.js';
import {
  deriveRollingProximityIdentifierKey,
  deriveRollingProximityIdentifiers,
} from '../keys/derivation.js';
import {
  CLOCK_TOLERANCE_INTERVALS,
  INTERVAL_SECONDS,
  type IntervalNumber,
  ROLLING_PERIOD,
} from '../time/interval.js';
import { exposureWindows } from './exposure-windows.js';
import { keyPolicy } from './key-policy.js';
import { LAST_INTERVAL } from './matcher.js';
import type { KeyMatch, MatchingOptions, MatchResult } from './matching-types.js';
import { phoneScans } from './phone-scans.js';
import { checkSightingLog } from './sighting-index.js';

/** Same contract and result as {@link matchDiagnosisKeys}, by brute force. */
export function matchDiagnosisKeysReference(
  keys: Iterable<DiagnosisKey>,
  sightings: readonly Sighting[],
  options: MatchingOptions,
): MatchResult {
  checkSightingLog(sightings);
  const scans = phoneScans(sightings);
  const matches: KeyMatch[] = [];
  let keysRead = 0;
  for (const key of keys) {
    keysRead++;
    const rpik = deriveRollingProximityIdentifierKey(key.keyData);
    const policy = keyPolicy(key, options.mapping);
    if (policy === undefined) continue;
    const start = key.rollingStartIntervalNumber;
    const count = Math.min(key.rollingPeriod, ROLLING_PERIOD, LAST_INTERVAL + 1 - start);
    const rpis = deriveRollingProximityIdentifiers(rpik, start, count);
    const matched: number[] = [];
    sightings.forEach((sighting, s) => {
      const heardAt = Math.floor(sighting.seconds / INTERVAL_SECONDS);
      rpis.forEach((rpi, offset) => {
        const j = (start + offset) as IntervalNumber;
        if (Math.abs(heardAt - j) <= CLOCK_TOLERANCE_INTERVALS && equalBytes(rpi, sighting.rpi)) {
          matched.push(s);
        }
      });
    });
    if (matched.length === 0) continue;
    const windows = exposureWindows(key, policy, matched, sightings, scans, options.rssiCorrection);
    matches.push({ key, reportType: policy.reportType, sightings: matched.length, windows });
  }
  return { keysRead, matches };
}
