import { decodeSightings, getBytes, type KeyValueStore } from '@bluezone/device';
import {
  attenuationDb,
  bucketOf,
  FALLBACK_CALIBRATION,
  INTERVAL_SECONDS,
  isoDateOfDay,
  type RiskConfiguration,
  type Sighting,
  toHex,
  utcDayOfSeconds,
} from '@bluezone/protocol';

/** One day of the history screen. */
export interface HistoryDay {
  /** ISO date (UTC). */
  readonly date: string;
  /** Distinct phones heard at all that day (estimated, see `distinctPhones`). */
  readonly near: number;
  /** Of those, phones heard close (the configuration's immediate or near attenuation bucket). */
  readonly close: number;
}

/**
 * The last 14 days of what the phone heard. Phones change their identifier every 10 minutes, so
 * counting identifiers would count one neighbour 144 times a day; instead a phone heard in
 * consecutive 10-minute intervals is taken to be the same phone: each interval adds only the
 * identifiers beyond those of the interval before (a lower bound, never inflated).
 */
export async function contactHistory(
  store: KeyValueStore,
  todayDay: number,
  rssiCorrection: number,
  risk: RiskConfiguration,
): Promise<HistoryDay[]> {
  const byDay = new Map<number, Sighting[]>();
  for (const key of await store.list('sightings/')) {
    for (const s of decodeSightings(await getBytes(store, key))) {
      const day = utcDayOfSeconds(s.seconds);
      byDay.set(day, [...(byDay.get(day) ?? []), s]);
    }
  }
  const isClose = (s: Sighting) =>
    bucketOf(
      attenuationDb(FALLBACK_CALIBRATION.txPower, s.rssi, rssiCorrection),
      risk.attenuationBucketThresholdsDb,
    ) <= 1;
  const days: HistoryDay[] = [];
  for (let day = todayDay; day > todayDay - 14; day--) {
    const sightings = byDay.get(day) ?? [];
    const near = distinctPhones(sightings);
    // Estimated separately, the close subset could come out larger than the whole: it never may.
    days.push({
      date: isoDateOfDay(day as never),
      near,
      close: Math.min(near, distinctPhones(sightings.filter(isClose))),
    });
  }
  return days;
}

/** Estimated distinct phones: identifiers per interval, counting only the increase over the interval before. */
export function distinctPhones(sightings: readonly Sighting[]): number {
  const perInterval = new Map<number, Set<string>>();
  for (const s of sightings) {
    const interval = Math.floor(s.seconds / INTERVAL_SECONDS);
    const set = perInterval.get(interval) ?? new Set<string>();
    set.add(toHex(s.rpi));
    perInterval.set(interval, set);
  }
  let total = 0;
  for (const [interval, set] of perInterval) {
    const before = perInterval.get(interval - 1)?.size ?? 0;
    total += Math.max(0, set.size - before);
  }
  return total;
}
