// Real Bluetooth measurements (data/ble/, see its README.md; attribution kept there) converted to the
// sightings CSV of `bluezone eval proximity`, with the true distance of every pair-day.
//
// - pcng-rss-smartphone (Ng, Spachos, Plataniotis 2021; MIT): two people carrying phones, about one
//   minute per distance and phone. The data has only elapsed seconds, so timestamps are SYNTHESIZED,
//   deterministically: each (set, receiver, distance) becomes an encounter on its own UTC day
//   (2021-03-01 + distance index, from 12:00 UTC) of `scans` phone scans 4 minutes apart; scan k
//   holds 16 consecutive real readings (GAEN advertises about every 250 ms: a 4-second scan hears
//   about 16), taken k/(scans − 1) of the way through the series and placed 250 ms apart. Real
//   times cannot be used: they are relative, and coarse for some series (PP's HTC logs 100 s steps).
// - herald-edison (The Herald Project; Apache-2.0): a robot steps one phone along a cable, with real
//   timestamps (about 18 minutes per position in the 10 cm runs), used as they are. The transmitter
//   id carries the position (`…@120cm`), so that each position is its own pair.
// TX power is the sender model's, and receiver models are looked up, in Google's table
// (`lookupCalibration`); models it lacks get the fallback (+3 dB, −24 dBm).

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lookupCalibration } from '@bluezone/protocol';

export const BLE_DATA = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', 'data', 'ble');

const HEADER = 'receiver,receiver_model,transmitter,transmitter_model,timestamp,rssi,tx_power';

/** A sightings CSV and the true distance (cm) of each pair-day, keyed by `pairDayKey`. */
export interface BleSightings {
  readonly csv: string;
  readonly rows: number;
  readonly distanceCm: ReadonlyMap<string, number>;
}

export const pairDayKey = (receiver: string, transmitter: string, day: string) =>
  `${receiver}\t${transmitter}\t${day}`;

function dataRows(path: string): string[][] {
  return readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .slice(1)
    .filter((l) => l.length > 0)
    .map((l) => l.split(','));
}

/** pc-ng sets, with the advertiser names of the two phones (the receiver is the other one). */
export const PCNG_SETS: Readonly<Record<string, readonly [string, string]>> = {
  HH: ['gryphonelab', 'HTC One M9'],
  HP: ['gryphonelab', 'HTC One M9'],
  PP: ['gryphonelab', 'HTC One M9'],
  BB: ['gryphonelab', 'HTC One M9'],
  HB: ['ASUS_Z00AD', 'N8'],
  PB: ['ASUS_Z00AD', 'N8'],
};

const PCNG_FIRST_DAY = Date.UTC(2021, 2, 1) / 1000;
export const SCAN_PERIOD_SECONDS = 240;
/** GAEN advertises about every 250 ms, so a 4-second scan hears up to 16 advertisements. */
const ADVERTISING_SECONDS = 0.25;
const SIGHTINGS_PER_SCAN = 16;

/** pc-ng as encounters of `scans` scans every 4 minutes (5 scans: about 20 minutes). */
export function pcngSightings(scans: number, sets: readonly string[] = Object.keys(PCNG_SETS)): BleSightings {
  const lines = [HEADER];
  const distanceCm = new Map<string, number>();
  for (const set of sets) {
    const pair = PCNG_SETS[set] as readonly [string, string];
    const series = new Map<string, { elapsed: number; rssi: string }[]>();
    for (const [device, elapsed, rss, , , dist] of dataRows(
      join(BLE_DATA, 'pcng-rss-smartphone', `RSS_human${set}.csv`),
    )) {
      const key = `${device}|${dist}`;
      const readings = series.get(key) ?? [];
      readings.push({ elapsed: Number(elapsed), rssi: rss ?? '' });
      series.set(key, readings);
    }
    const distances = [...new Set([...series.keys()].map((k) => Number(k.split('|')[1])))].sort(
      (a, b) => a - b,
    );
    for (const [key, readings] of series) {
      const [sender = '', dist = ''] = key.split('|');
      const receiver = sender === pair[0] ? pair[1] : pair[0];
      const day = PCNG_FIRST_DAY + 86_400 * distances.indexOf(Number(dist));
      const ids = [`pcng-${set}-${receiver}`, `pcng-${set}-${sender}`] as const;
      distanceCm.set(pairDayKey(...ids, new Date(day * 1000).toISOString().slice(0, 10)), Number(dist));
      readings.sort((a, b) => a.elapsed - b.elapsed);
      const perScan = Math.min(SIGHTINGS_PER_SCAN, Math.floor(readings.length / scans));
      const tx = lookupCalibration({ model: sender }).txPower;
      for (let k = 0; k < scans; k++) {
        const from = scans === 1 ? 0 : Math.round((k * (readings.length - perScan)) / (scans - 1));
        const scanStart = day + 12 * 3600 + k * SCAN_PERIOD_SECONDS;
        for (let j = 0; j < perScan; j++) {
          const t = scanStart + j * ADVERTISING_SECONDS;
          lines.push(`${ids[0]},${receiver},${ids[1]},${sender},${t},${readings[from + j]?.rssi},${tx}`);
        }
      }
    }
  }
  return { csv: `${lines.join('\n')}\n`, rows: lines.length - 1, distanceCm };
}

/** herald-edison runs used, with the models of phone A and phone B (file X is what X received). */
export const HERALD_RUNS: Readonly<Record<string, readonly [string, string]>> = {
  '20210107-1123': ['SM-A105F', 'SM-A205F'],
  '20210110-2247': ['SM-A205F', 'Pixel 2'],
};

/** herald-edison runs with their real timestamps (taken as UTC). */
export function heraldSightings(runs: readonly string[]): BleSightings {
  const lines = [HEADER];
  const distanceCm = new Map<string, number>();
  for (const run of runs) {
    const [a, b] = HERALD_RUNS[run] as readonly [string, string];
    for (const [side, other, receiver, sender] of [
      ['A', 'B', a, b],
      ['B', 'A', b, a],
    ] as const) {
      const tx = lookupCalibration({ model: sender }).txPower;
      for (const [time = '', rssi, distance] of dataRows(
        join(BLE_DATA, 'herald-edison', `${run}-${side}.csv`),
      )) {
        const seconds = Date.parse(`${time.replace(' ', 'T')}Z`) / 1000;
        const ids = [`herald-${run}-${side}`, `herald-${run}-${other}@${distance}cm`] as const;
        distanceCm.set(pairDayKey(...ids, time.slice(0, 10)), Number(distance));
        lines.push(`${ids[0]},${receiver},${ids[1]},${sender},${seconds},${rssi},${tx}`);
      }
    }
  }
  return { csv: `${lines.join('\n')}\n`, rows: lines.length - 1, distanceCm };
}
