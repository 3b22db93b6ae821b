// A phone owner's days as encounters: who is around, from when to when, and how often a scan hears
// them. Times are the phone's local time (UTC+7, Vietnam); keys roll at UTC midnight (07:00 local).

/** Which log to generate: a person living with a household, a person living alone, or the worst case. */
export type LogProfile = 'household' | 'solo' | 'worst';
export const LOG_PROFILES: readonly LogProfile[] = ['household', 'solo', 'worst'];

/** Devices around the phone for a while. */
export interface Encounter {
  readonly from: number;
  readonly to: number;
  readonly devices: readonly number[];
  /** Chance that one scan hears one present device. */
  readonly hearing: number;
  /** When set, each device stays only this many minutes (uniform in the range) within from…to. */
  readonly stayMinutes?: readonly [number, number];
  readonly rssi: readonly [number, number];
}

export const LOCAL_OFFSET_SECONDS = 7 * 3600;
const HOUSEHOLD = [1, 2];

/** Fresh device ids for crowds (strangers on the bus, at the market…), and stable ones for colleagues. */
export interface DeviceIds {
  fresh(n: number): number[];
  /** The same `n` ids every call with the same `group` (colleagues seen every working day). */
  stable(group: number, n: number): number[];
}

export function deviceIds(): DeviceIds {
  let nextFresh = 1_000_000;
  const groups = new Map<number, number[]>();
  return {
    fresh: (n) => Array.from({ length: n }, () => nextFresh++),
    stable(group, n) {
      const ids = groups.get(group) ?? Array.from({ length: n }, (_, i) => 1000 + 100 * group + i);
      groups.set(group, ids);
      return ids;
    },
  };
}

/**
 * One day's encounters, as seconds since the day's local midnight plus `dayStart`. `crowdPass` 0 is
 * the person's own day; later passes add more people to the same places and times (a denser city)
 * without the household, so the log's time structure stays that of one day.
 */
export function dayEncounters(
  profile: Exclude<LogProfile, 'worst'>,
  day: number,
  dayStart: number,
  ids: DeviceIds,
  crowdPass: number,
): Encounter[] {
  const h = (hours: number) => dayStart + hours * 3600;
  const weekday = day % 7 < 5;
  const out: Encounter[] = [];
  const home = (from: number, to: number) => {
    if (profile === 'household' && crowdPass === 0) {
      out.push({ from: h(from), to: h(to), devices: HOUSEHOLD, hearing: 0.9, rssi: [-75, -50] });
    }
  };
  if (weekday) {
    home(0, 7);
    out.push({
      from: h(7),
      to: h(7.75),
      devices: ids.fresh(25),
      hearing: 0.7,
      stayMinutes: [10, 30],
      rssi: [-90, -60],
    });
    out.push({ from: h(8), to: h(17.5), devices: ids.stable(crowdPass, 12), hearing: 0.8, rssi: [-88, -60] });
    out.push({
      from: h(12),
      to: h(13),
      devices: ids.fresh(30),
      hearing: 0.6,
      stayMinutes: [10, 40],
      rssi: [-92, -62],
    });
    out.push({
      from: h(17.75),
      to: h(18.5),
      devices: ids.fresh(25),
      hearing: 0.7,
      stayMinutes: [10, 30],
      rssi: [-90, -60],
    });
    home(18.5, 24);
  } else {
    home(0, 9);
    out.push({
      from: h(9),
      to: h(11),
      devices: ids.fresh(60),
      hearing: 0.6,
      stayMinutes: [5, 20],
      rssi: [-95, -65],
    });
    home(11, 15);
    out.push({ from: h(15), to: h(17), devices: ids.fresh(5), hearing: 0.9, rssi: [-80, -55] });
    home(17, 24);
  }
  return out;
}
