/**
 * Loads the real Bluetooth measurements of data/ble/ into MeasuredGroup lists (Node only: reads
 * files). pcng-rss-smartphone: P. C. Ng, P. Spachos, K. N. Plataniotis, IEEE Systems Journal 2021,
 * MIT licence. herald-edison: The Herald Project, herald-analysis reference-data, Apache-2.0.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lookupCalibration } from '@bluezone/protocol';
import type { MeasuredGroup } from '../src/radio/fit/measured-group.js';

const BLE = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'data', 'ble');
const POSITION: Record<string, number> = { H: 0, P: 1, B: 2 };

/** pcng: `device` is the advertiser's name; the receiver is the other phone of the set. */
const PCNG_PAIRS: Record<string, readonly [string, string]> = {
  HH: ['gryphonelab', 'HTC One M9'],
  HP: ['gryphonelab', 'HTC One M9'],
  PP: ['gryphonelab', 'HTC One M9'],
  BB: ['gryphonelab', 'HTC One M9'],
  HB: ['ASUS_Z00AD', 'N8'],
  PB: ['ASUS_Z00AD', 'N8'],
};

/** herald-edison runs with phone models of A and B (file X is what phone X received), free line of sight. */
export const HERALD_RUNS: readonly (readonly [string, string, string])[] = [
  ['20210107-1123', 'SM-A105F', 'SM-A205F'],
  ['20210110-2247', 'SM-A205F', 'Pixel 2'],
  ['20210111-1015', 'iPhone 6 Plus', 'iPhone 5S'],
  ['20210312-1049', 'Pixel 2', 'Pixel 3'],
  ['20210313-1005', 'iPhone 6S Plus', 'iPhone 8 Plus'],
];

/** iPhones: correction 0 dB, TX −24 dBm (assumption of docs/proximity-rule.md); others from the table. */
function calibration(model: string): { txPower: number; rssiCorrection: number } {
  if (model.startsWith('iPhone')) return { txPower: -24, rssiCorrection: 0 };
  const found = lookupCalibration({ model });
  return { txPower: found.txPower, rssiCorrection: found.rssiCorrection };
}

function rows(file: string): string[][] {
  return readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(','));
}

function collect(key: string, groups: Map<string, number[]>, value: number): void {
  const list = groups.get(key);
  if (list) list.push(value);
  else groups.set(key, [value]);
}

/** pcng-rss-smartphone: one group per carrying pair, distance and direction (raw `rss`). */
export function loadPcngGroups(): MeasuredGroup[] {
  const groups: MeasuredGroup[] = [];
  for (const [setting, pair] of Object.entries(PCNG_PAIRS)) {
    const byKey = new Map<string, number[]>();
    for (const [device, , rss, , , dist] of rows(
      join(BLE, 'pcng-rss-smartphone', `RSS_human${setting}.csv`),
    )) {
      collect(`${device}|${dist}`, byKey, Number(rss));
    }
    for (const [key, readings] of byKey) {
      const [sender = '', distanceCm = '0'] = key.split('|');
      const senderIndex = sender === pair[0] ? 0 : 1;
      const receiver = pair[1 - senderIndex] ?? '';
      groups.push({
        series: `pcng/${pair.join('+')}`,
        setting,
        distanceM: Number(distanceCm) / 100,
        carryingSender: POSITION[setting[senderIndex] ?? 'H'] ?? 0,
        carryingReceiver: POSITION[setting[1 - senderIndex] ?? 'H'] ?? 0,
        senderTxPower: calibration(sender).txPower,
        receiverRssiCorrection: calibration(receiver).rssiCorrection,
        phonePair: pair.join('+'),
        link: `${sender}→${receiver}`,
        readings: Float64Array.from(readings),
      });
    }
  }
  return groups;
}

/** herald-edison: one group per run, side and distance step (cm), free line of sight, in hand. */
export function loadHeraldGroups(): MeasuredGroup[] {
  const groups: MeasuredGroup[] = [];
  for (const [run, a, b] of HERALD_RUNS) {
    for (const [side, receiver, sender] of [
      ['A', a, b],
      ['B', b, a],
    ] as const) {
      const byDistance = new Map<string, number[]>();
      for (const [, rssi, distance] of rows(join(BLE, 'herald-edison', `${run}-${side}.csv`))) {
        collect(distance ?? '0', byDistance, Number(rssi));
      }
      for (const [distanceCm, readings] of byDistance) {
        groups.push({
          series: `herald/${run}-${side}`,
          setting: 'LOS',
          distanceM: Number(distanceCm) / 100,
          carryingSender: 0,
          carryingReceiver: 0,
          senderTxPower: calibration(sender).txPower,
          receiverRssiCorrection: calibration(receiver).rssiCorrection,
          phonePair: run,
          link: `${sender}→${receiver}`,
          readings: Float64Array.from(readings),
        });
      }
    }
  }
  return groups;
}
