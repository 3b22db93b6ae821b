// How a phone's sighting log is cut into scans. A phone scans for a few seconds every few minutes
// (docs/protocol.md §3: about 4 s every 210–300 s), and the log only says when each advertisement was heard,
// so scans are recovered from the times alone:
//
// - Sightings are taken in time order. A scan starts at the earliest sighting not yet in a scan and
//   holds every sighting heard less than SCAN_SPAN_SECONDS after that start. (Measured from the
//   scan's start, not chained sighting to sighting, so a busy log cannot grow one endless scan.)
// - A scan's time is the time of its first sighting.
// - secondsSinceLastScan of a scan is the gap to the phone's previous scan (whatever that scan heard:
//   the phone's scan times are known from the whole log), rounded to whole seconds and capped at
//   MAX_SECONDS_SINCE_LAST_SCAN. The log's first scan has no predecessor and gets the cap.

import type { Sighting } from '../diagnosis.js';

/** Sightings less than this many seconds after a scan's first sighting belong to that scan. */
export const SCAN_SPAN_SECONDS = 10;
/** GAEN caps ScanInstance.secondsSinceLastScan at 300 s. */
export const MAX_SECONDS_SINCE_LAST_SCAN = 300;

/** The phone's scans, recovered from a sighting log. */
export interface PhoneScans {
  /** Scan index of each sighting (same order as the log). */
  readonly scanOfSighting: Int32Array;
  /** Start time (seconds) of each scan, ascending. */
  readonly scanSeconds: Float64Array;
  /** secondsSinceLastScan of each scan (capped). */
  readonly secondsSinceLastScan: Float64Array;
}

/** Groups the whole log into the phone's scans. */
export function phoneScans(sightings: readonly Sighting[]): PhoneScans {
  const order = Array.from(sightings.keys()).sort(
    (a, b) => (sightings[a] as Sighting).seconds - (sightings[b] as Sighting).seconds || a - b,
  );
  const scanOfSighting = new Int32Array(sightings.length);
  const starts: number[] = [];
  let start = Number.NEGATIVE_INFINITY;
  for (const s of order) {
    const seconds = (sightings[s] as Sighting).seconds;
    if (!(seconds - start < SCAN_SPAN_SECONDS)) {
      start = seconds;
      starts.push(seconds);
    }
    scanOfSighting[s] = starts.length - 1;
  }
  const scanSeconds = Float64Array.from(starts);
  const secondsSinceLastScan = new Float64Array(starts.length);
  for (let k = 0; k < starts.length; k++) {
    secondsSinceLastScan[k] =
      k === 0
        ? MAX_SECONDS_SINCE_LAST_SCAN
        : Math.min(
            MAX_SECONDS_SINCE_LAST_SCAN,
            Math.round((scanSeconds[k] as number) - (scanSeconds[k - 1] as number)),
          );
  }
  return { scanOfSighting, scanSeconds, secondsSinceLastScan };
}
