// Derives the attenuation thresholds of the `bluezone` risk preset from the real Bluetooth
// measurements in data/ble/ and prints the analysis (method and figures: docs/proximity-rule.md).
// Run: npx tsx scripts/derive-bluezone-preset.ts

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const BLE = join(dirname(fileURLToPath(import.meta.url)), '..', 'data', 'ble');

/** One attenuation sample with its true distance; `series` groups a receiver at one position. */
export interface Sample {
  readonly attenuationDb: number;
  readonly distanceCm: number;
  readonly seconds: number;
  readonly series: string;
}

export interface Calibration {
  readonly rssiCorrection: number;
  readonly txPower: number;
}

/** Unknown models: the medians of Google's table (RSSI correction 3 dB, TX power −24 dBm). */
export const FALLBACK: Calibration = { rssiCorrection: 3, txPower: -24 };
/** iPhones are not in the table; its reference receiver is an average iPhone (correction 0). */
export const IPHONE: Calibration = { rssiCorrection: 0, txPower: -24 };

function csvRows(path: string): string[][] {
  const lines = readFileSync(path, 'utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/);
  return lines
    .slice(1)
    .filter((l) => l.length > 0)
    .map((l) => l.split(','));
}

/** Model (case-insensitive) → calibration, from en-calibration-2020-08-12.csv (first row wins). */
export function loadCalibrationTable(): Map<string, Calibration> {
  const table = new Map<string, Calibration>();
  for (const [, , model, correction, tx] of csvRows(
    join(BLE, 'gaen-calibration', 'en-calibration-2020-08-12.csv'),
  )) {
    const key = (model ?? '').trim().toLowerCase();
    if (!table.has(key)) table.set(key, { rssiCorrection: Number(correction), txPower: Number(tx) });
  }
  return table;
}

export function calibrationOf(table: Map<string, Calibration>, model: string): Calibration {
  if (model.startsWith('iPhone')) return IPHONE;
  return table.get(model.toLowerCase()) ?? FALLBACK;
}

/** GAEN: attenuation = TX power of the sender − (RSSI + RSSI correction of the receiver). */
export function attenuation(rssi: number, sender: Calibration, receiver: Calibration): number {
  return sender.txPower - (rssi + receiver.rssiCorrection);
}

/** pc-ng/rss_smartphone: `device` is the advertiser's name; the receiver is the other phone. */
const PCNG_PAIRS: Record<string, readonly [string, string]> = {
  HH: ['gryphonelab', 'HTC One M9'],
  HP: ['gryphonelab', 'HTC One M9'],
  PP: ['gryphonelab', 'HTC One M9'],
  BB: ['gryphonelab', 'HTC One M9'],
  HB: ['ASUS_Z00AD', 'N8'],
  PB: ['ASUS_Z00AD', 'N8'],
};

export function loadPcng(table: Map<string, Calibration>): Sample[] {
  const samples: Sample[] = [];
  for (const [set, pair] of Object.entries(PCNG_PAIRS)) {
    for (const [device, elapsed, rss, , , dist] of csvRows(
      join(BLE, 'pcng-rss-smartphone', `RSS_human${set}.csv`),
    )) {
      const receiver = device === pair[0] ? pair[1] : pair[0];
      samples.push({
        attenuationDb: attenuation(
          Number(rss),
          calibrationOf(table, device ?? ''),
          calibrationOf(table, receiver),
        ),
        distanceCm: Number(dist),
        seconds: Number(elapsed),
        series: `${set}/${receiver}/${dist}`,
      });
    }
  }
  return samples;
}

/** herald-edison files used, with the models of phone A and phone B (file X is what X received). */
export const HERALD_RUNS: readonly (readonly [string, string, string])[] = [
  ['20210107-1123', 'SM-A105F', 'SM-A205F'],
  ['20210110-2247', 'SM-A205F', 'Pixel 2'],
  ['20210111-1015', 'iPhone 6 Plus', 'iPhone 5S'],
  ['20210312-1049', 'Pixel 2', 'Pixel 3'],
  ['20210313-1005', 'iPhone 6S Plus', 'iPhone 8 Plus'],
];

export function loadHerald(table: Map<string, Calibration>): Sample[] {
  const samples: Sample[] = [];
  for (const [run, a, b] of HERALD_RUNS) {
    for (const [side, receiver, sender] of [
      ['A', a, b],
      ['B', b, a],
    ] as const) {
      for (const [time, rssi, distance] of csvRows(join(BLE, 'herald-edison', `${run}-${side}.csv`))) {
        samples.push({
          attenuationDb: attenuation(
            Number(rssi),
            calibrationOf(table, sender),
            calibrationOf(table, receiver),
          ),
          distanceCm: Number(distance),
          seconds: Date.parse(`${(time ?? '').replace(' ', 'T')}Z`) / 1000,
          series: `${run}-${side}/${distance}`,
        });
      }
    }
  }
  return samples;
}

/** Means of consecutive one-minute blocks of each series (blocks with fewer than 3 readings dropped). */
export function oneMinuteMeans(samples: readonly Sample[]): Sample[] {
  const blocks = new Map<string, { sum: number; n: number; first: Sample }>();
  const start = new Map<string, number>();
  for (const s of samples) start.set(s.series, Math.min(start.get(s.series) ?? s.seconds, s.seconds));
  for (const s of samples) {
    const key = `${s.series}#${Math.floor((s.seconds - (start.get(s.series) ?? 0)) / 60)}`;
    const block = blocks.get(key) ?? { sum: 0, n: 0, first: s };
    block.sum += s.attenuationDb;
    block.n += 1;
    blocks.set(key, block);
  }
  return [...blocks.values()]
    .filter((b) => b.n >= 3)
    .map((b) => ({ ...b.first, attenuationDb: b.sum / b.n }));
}

export interface Score {
  readonly precision: number;
  readonly recall: number;
  /** True-negative rate: the share of "farther" samples the rule leaves alone. */
  readonly specificity: number;
  /** (recall + specificity) / 2: independent of how many distances each side has. */
  readonly balancedAccuracy: number;
  readonly n: number;
}

/** "Closer than `cutCm`" predicted when attenuation < thresholdDb (a GAEN bucket is [lower, upper)). */
export function score(samples: readonly Sample[], thresholdDb: number, cutCm: number): Score {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (const s of samples) {
    const predicted = s.attenuationDb < thresholdDb;
    const actual = s.distanceCm <= cutCm;
    if (predicted && actual) tp += 1;
    else if (predicted) fp += 1;
    else if (actual) fn += 1;
    else tn += 1;
  }
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const specificity = tn + fp === 0 ? 1 : tn / (tn + fp);
  return { precision, recall, specificity, balancedAccuracy: (recall + specificity) / 2, n: samples.length };
}

/**
 * The integer threshold (dB) in [from, to] maximising balanced accuracy for "≤ cutCm";
 * ties go to the lower threshold (fewer false alarms).
 */
export function bestThreshold(samples: readonly Sample[], cutCm: number, from = 20, to = 110): number {
  let best = from;
  let bestScore = -1;
  for (let t = from; t <= to; t += 1) {
    const ba = score(samples, t, cutCm).balancedAccuracy;
    if (ba > bestScore + 1e-12) {
      best = t;
      bestScore = ba;
    }
  }
  return best;
}

/** opentrace-anechoic-2m: each model transmits, a spectrum analyser 2 m away receives. */
export function loadOpentrace(
  table: Map<string, Calibration>,
): { model: string; rssi: number; tx: number }[] {
  return csvRows(join(BLE, 'opentrace-anechoic-2m', 'Device Data.csv')).map(([, , model, , , avg]) => {
    const m = (model ?? '').trim();
    return { model: m, rssi: Number(avg), tx: calibrationOf(table, m).txPower };
  });
}

function stdDev(values: readonly number[]): number {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / values.length);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export interface Row {
  readonly dataset: string;
  readonly readings: Score;
  readonly minutes: Score;
}

export interface Analysis {
  /** [immediate/near cut (≤ 1 m), the 2 m cut, medium/other cut (≤ 3 m)] in dB. */
  readonly thresholdsDb: readonly [number, number, number];
  readonly rows: readonly Row[];
  readonly opentrace: {
    readonly rawSpreadDb: number;
    readonly calibratedSpreadDb: number;
    readonly recall: number;
  };
}

/** The whole derivation: thresholds chosen on one-minute means, then scored per dataset. */
export function analyse(): Analysis {
  const table = loadCalibrationTable();
  const pcng = loadPcng(table);
  const herald = loadHerald(table);
  const pcngMinutes = oneMinuteMeans(pcng);
  const heraldMinutes = oneMinuteMeans(herald);
  // Chosen on phones carried by people (the situation the rule is for); herald-edison (line of
  // sight, no bodies) and opentrace (anechoic chamber) are held out and only scored.
  const twoMetres = bestThreshold(pcngMinutes, 200);
  const near = bestThreshold(pcngMinutes, 100, 20, twoMetres);
  const medium = bestThreshold(pcngMinutes, 300, twoMetres, 110);
  const row = (dataset: string, readings: Sample[], minutes: Sample[]): Row => ({
    dataset,
    readings: score(readings, twoMetres, 200),
    minutes: score(minutes, twoMetres, 200),
  });
  const rows: Row[] = [row('pcng-rss-smartphone (all)', pcng, pcngMinutes)];
  for (const set of Object.keys(PCNG_PAIRS)) {
    const own = (s: Sample) => s.series.startsWith(`${set}/`);
    rows.push(row(`pcng ${set}`, pcng.filter(own), pcngMinutes.filter(own)));
  }
  rows.push(row('herald-edison (all)', herald, heraldMinutes));
  for (const [run, a, b] of HERALD_RUNS) {
    const own = (s: Sample) => s.series.startsWith(run);
    rows.push(row(`herald ${run} (${a} ↔ ${b})`, herald.filter(own), heraldMinutes.filter(own)));
  }
  const ot = loadOpentrace(table);
  const otAttenuation = ot.map((m) => m.tx - m.rssi);
  // The analyser's own offset is unknown: anchor the median model at the median one-minute
  // attenuation the phones measured at exactly 2 m, then count the models still below the cut.
  const anchor =
    median(
      [...pcngMinutes, ...heraldMinutes].filter((s) => s.distanceCm === 200).map((s) => s.attenuationDb),
    ) - median(otAttenuation);
  const recall = otAttenuation.filter((a) => a + anchor < twoMetres).length / ot.length;
  return {
    thresholdsDb: [near, twoMetres, medium],
    rows,
    opentrace: {
      rawSpreadDb: stdDev(ot.map((m) => m.rssi)),
      calibratedSpreadDb: stdDev(otAttenuation),
      recall,
    },
  };
}

const pct = (x: number) => `${(100 * x).toFixed(1)} %`;

/** The figures table embedded verbatim in docs/proximity-rule.md (a test keeps them equal). */
export function renderFigures(a: Analysis): string {
  const lines = [
    `Thresholds: ${a.thresholdsDb.join(' / ')} dB (typical attenuation); "≤ 2 m" = attenuation < ${a.thresholdsDb[1]} dB.`,
    '',
    '| dataset | readings | precision | recall | specificity | one-minute means | precision | recall | specificity |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of a.rows) {
    const cells = [r.readings, r.minutes].map(
      (s) => `${s.n} | ${pct(s.precision)} | ${pct(s.recall)} | ${pct(s.specificity)}`,
    );
    lines.push(`| ${r.dataset} | ${cells.join(' | ')} |`);
  }
  const o = a.opentrace;
  lines.push(
    '',
    `opentrace-anechoic-2m (20 models, all at 2 m): spread between models ${o.rawSpreadDb.toFixed(1)} dB raw, ` +
      `${o.calibratedSpreadDb.toFixed(1)} dB after TX calibration; recall of "≤ 2 m" with the anchored analyser ${pct(o.recall)} (precision undefined: no negatives).`,
  );
  return lines.join('\n');
}

function printDistanceProfile(): void {
  const table = loadCalibrationTable();
  for (const [name, samples] of [
    ['pcng', oneMinuteMeans(loadPcng(table))],
    ['herald', oneMinuteMeans(loadHerald(table))],
  ] as const) {
    const byMetre = new Map<number, number[]>();
    for (const s of samples) {
      const bin = Math.round(s.distanceCm / 50) * 50;
      byMetre.set(bin, [...(byMetre.get(bin) ?? []), s.attenuationDb]);
    }
    const profile = [...byMetre.entries()].sort((x, y) => x[0] - y[0]);
    console.log(`${name}: median one-minute attenuation by distance (cm → dB)`);
    console.log(`  ${profile.map(([d, v]) => `${d}→${median(v).toFixed(1)}`).join('  ')}`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const analysis = analyse();
  printDistanceProfile();
  console.log('');
  console.log(renderFigures(analysis));
  console.log('');
  console.log(`bluezone preset: attenuationBucketThresholdsDb = ${JSON.stringify(analysis.thresholdsDb)}`);
}
