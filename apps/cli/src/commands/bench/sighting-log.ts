// The benchmark's 14-day sighting log: the phone scans every 4–5 minutes for 4 seconds; what it
// hears comes from encounters (encounters.ts). Exactly M sightings: crowds are repeated with new
// people until there are at least M heard advertisements, then M of them are drawn at random, so
// the times keep the day's structure. The worst case spreads M sightings over every scan of every day.

import { RETENTION_DAYS } from '@bluezone/protocol';
import {
  dayEncounters,
  deviceIds,
  type Encounter,
  LOCAL_OFFSET_SECONDS,
  type LogProfile,
} from './encounters.js';
import type { Random } from './random.js';

/** One advertisement heard: when, from which device, how loud. */
export interface Heard {
  readonly seconds: number;
  readonly device: number;
  readonly rssi: number;
}

/** Scan start times over the log's 14 days: every 240–300 s. */
export function scanTimes(firstDay: number, random: Random): Float64Array {
  const end = (firstDay + RETENTION_DAYS) * 86_400;
  const times: number[] = [];
  for (let t = firstDay * 86_400 + random.int(300); t < end; t += 240 + random.int(61)) times.push(t);
  return Float64Array.from(times);
}

function firstScanAtOrAfter(scans: Float64Array, t: number): number {
  let lo = 0;
  let hi = scans.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((scans[mid] as number) < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function hear(e: Encounter, scans: Float64Array, random: Random, out: Heard[]): void {
  for (const device of e.devices) {
    let from = e.from;
    let to = e.to;
    if (e.stayMinutes !== undefined) {
      const [lo, hi] = e.stayMinutes;
      const stay = Math.min(to - from, 60 * (lo + random.float() * (hi - lo)));
      from += random.float() * (to - from - stay);
      to = from + stay;
    }
    for (let s = firstScanAtOrAfter(scans, from); s < scans.length && (scans[s] as number) < to; s++) {
      if (random.float() >= e.hearing) continue;
      const rssi = Math.round(e.rssi[0] + random.float() * (e.rssi[1] - e.rssi[0]));
      out.push({ seconds: (scans[s] as number) + random.int(4), device, rssi });
    }
  }
}

/** M heard advertisements of the given profile over 14 days from `firstDay` (UTC day), time-ordered. */
export function heardLog(profile: LogProfile, firstDay: number, m: number, random: Random): Heard[] {
  const scans = scanTimes(firstDay, random);
  const heard: Heard[] = [];
  if (profile === 'worst') {
    for (let k = 0; k < m; k++) {
      const scan = scans[k % scans.length] as number;
      heard.push({ seconds: scan + random.int(4), device: 10_000_000 + k, rssi: -60 - random.int(35) });
    }
  } else {
    const ids = deviceIds();
    for (let pass = 0; heard.length < m; pass++) {
      for (let d = -1; d <= RETENTION_DAYS; d++) {
        const dayStart = (firstDay + d) * 86_400 - LOCAL_OFFSET_SECONDS;
        for (const e of dayEncounters(profile, d + 7, dayStart, ids, pass)) hear(e, scans, random, heard);
      }
      if (pass > 10_000) throw new Error('cannot fill the log');
    }
    // Draw exactly m (partial Fisher–Yates).
    for (let k = 0; k < m; k++) {
      const r = k + random.int(heard.length - k);
      const t = heard[k] as Heard;
      heard[k] = heard[r] as Heard;
      heard[r] = t;
    }
    heard.length = m;
  }
  return heard.sort((a, b) => a.seconds - b.seconds || a.device - b.device);
}
