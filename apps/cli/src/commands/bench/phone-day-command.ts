// `bluezone bench phone-day`: what a phone watching each province downloads and matches in a day of
// the national peak (issue 17), against today's single national set.

import { loadavg } from 'node:os';
import type { PhoneDayServerResult, PhoneDaySet } from '@bluezone/server';
import type { Command } from 'commander';
import { CliError } from '../../cli-error.js';
import { printResult } from '../../io.js';
import { nodeMatchingPrimitives } from '../../node-primitives.js';
import { runMatchBench } from './match-run.js';

/** Keys matched to measure the matcher's rate on one core (a full match of each set would take minutes). */
const MATCH_SAMPLE_KEYS = 200_000;
/** Goals (issue 17): median phone ≤ 100 KB a day; the epicentre ≤ its keys × 21 bytes + 5 %. */
const MEDIAN_GOAL_BYTES = 100_000;
const EPICENTRE_BYTES_PER_KEY = 21;
const ONE_MB = 1_000_000;

interface PhoneDayOptions {
  json?: boolean;
}

export function registerPhoneDayBench(bench: Command): void {
  bench
    .command('phone-day')
    .description(
      "a whole day of the national peak through the publish path's insert and the real export worker on a throwaway PostgreSQL 15: bytes and matching seconds of a phone watching each province",
    )
    .option(
      '--json',
      'print {medianPhoneBytes, shareUnder1MB, epicentre: {province, keys, bytes, matchSeconds}, provinces: [{province, keys, bytes, matchSeconds}]}',
    )
    .action((options: PhoneDayOptions) => runPhoneDayCommand(options));
}

/** A phone's day as the JSON shape has it. */
interface PhoneDayLine {
  province: string;
  keys: number;
  bytes: number;
  matchSeconds: number;
}

export interface PhoneDayReport {
  medianPhoneBytes: number;
  shareUnder1MB: number;
  epicentre: PhoneDayLine;
  provinces: PhoneDayLine[];
}

/** The population-weighted median of the phones' bytes (every resident's phone lined up). */
function weightedMedian(sets: readonly PhoneDaySet[]): number {
  const sorted = [...sets].sort((a, b) => a.bytes - b.bytes);
  const half = sorted.reduce((n, s) => n + s.population, 0) / 2;
  let seen = 0;
  for (const set of sorted) {
    seen += set.population;
    if (seen >= half) return set.bytes;
  }
  return 0;
}

/** The report of a server result and a matcher rate (keys per second on one core). Pure. */
export function phoneDayReport(result: PhoneDayServerResult, keysPerSecond: number): PhoneDayReport {
  const line = (s: PhoneDaySet): PhoneDayLine => ({
    province: s.set,
    keys: s.keys,
    bytes: s.bytes,
    matchSeconds: Math.round((100 * s.downloadedKeys) / keysPerSecond) / 100,
  });
  const people = result.provinces.reduce((n, s) => n + s.population, 0);
  const under = result.provinces.filter((s) => s.bytes < ONE_MB).reduce((n, s) => n + s.population, 0);
  const epicentre = [...result.provinces].sort((a, b) => b.keys - a.keys)[0];
  if (!epicentre) throw new Error('phone-day: no province sets');
  return {
    medianPhoneBytes: weightedMedian(result.provinces),
    shareUnder1MB: Math.round((10_000 * under) / people) / 10_000,
    epicentre: line(epicentre),
    provinces: result.provinces.map(line),
  };
}

async function runPhoneDayCommand(options: PhoneDayOptions): Promise<void> {
  const progress = (text: string) => process.stderr.write(`bench phone-day: ${text}\n`);
  const { runPhoneDayBench } = await import('@bluezone/server');
  let result: PhoneDayServerResult;
  try {
    result = await runPhoneDayBench({ progress });
  } catch (error) {
    const message = (error as Error).message;
    if (message.startsWith('PostgreSQL 15 not found')) throw new CliError(message, 2, { cause: error });
    throw error;
  }
  const load = loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
  progress(
    `load average ${load}; matching ${MATCH_SAMPLE_KEYS.toLocaleString('en')} keys on this thread for the matcher's rate…`,
  );
  const match = runMatchBench({
    keys: MATCH_SAMPLE_KEYS,
    sightings: 50_000,
    seed: 1,
    planted: 10,
    log: 'household',
    primitivesName: 'hybrid',
    primitives: nodeMatchingPrimitives(),
  });
  const report = phoneDayReport(result, match.keysPerSecond);
  printResult(options.json === true, report, () => human(result, report, match.keysPerSecond, load));
}

function human(r: PhoneDayServerResult, report: PhoneDayReport, keysPerSecond: number, load: string): string {
  const n = (x: number) => Math.round(x).toLocaleString('en');
  const kb = (x: number) => `${(x / 1000).toFixed(1)} KB`;
  const national = r.national;
  const nationalMatch = national.downloadedKeys / keysPerSecond;
  const worst = Math.max(...r.provinces.map((s) => s.bytes));
  const e = report.epicentre;
  const epicentreGoal = e.keys * EPICENTRE_BYTES_PER_KEY * 1.05;
  const rows = [...r.provinces]
    .sort((a, b) => b.keys - a.keys)
    .map((s) => {
      const m = (s.downloadedKeys / keysPerSecond).toFixed(2);
      return `  ${s.set.padEnd(6)} ${n(s.population).padStart(10)} ${n(s.keys).padStart(9)} ${n(s.downloadedKeys).padStart(9)} ${String(s.files).padStart(5)} ${n(s.zipBytes).padStart(11)} ${n(s.indexBytes + s.configurationBytes).padStart(8)} ${n(s.bytes).padStart(11)} ${m.padStart(7)}`;
    });
  return [
    `bench phone-day: ${n(r.f0)} F0 × ${r.model.f0Keys} keys + ${n(r.f1)} F1 × ${r.model.f1Keys} keys; ${n(r.declaringPublishes)} of ${n(r.publishes)} publishes (${((100 * r.declaringPublishes) / r.publishes).toFixed(1)} %) declare another province`,
    `  stored ${n(r.storedKeys)} keys through the publish insert in ${r.storeSeconds.toFixed(1)} s; export pass of the day ${r.exportSeconds.toFixed(1)} s; matcher ${n(keysPerSecond)} keys/s on one core (measured on ${n(MATCH_SAMPLE_KEYS)} keys, scaled per key; load average ${load})`,
    `  set     population      keys  matched files   zip bytes idx+conf   bytes/day  match s`,
    `  ${national.set.padEnd(6)} ${n(national.population).padStart(10)} ${n(national.keys).padStart(9)} ${n(national.downloadedKeys).padStart(9)} ${String(national.files).padStart(5)} ${n(national.zipBytes).padStart(11)} ${n(national.indexBytes + national.configurationBytes).padStart(8)} ${n(national.bytes).padStart(11)} ${nationalMatch.toFixed(2).padStart(7)}   (today's phone: the national set)`,
    ...rows,
    `  median phone (population-weighted) ${kb(report.medianPhoneBytes)} a day (goal ≤ ${kb(MEDIAN_GOAL_BYTES)}: ${report.medianPhoneBytes <= MEDIAN_GOAL_BYTES ? 'met' : 'not met'})`,
    `  people whose phone downloads under 1 MB a day: ${(100 * report.shareUnder1MB).toFixed(1)} %`,
    `  epicentre ${e.province}: ${n(e.keys)} keys, ${n(e.bytes)} bytes, ${e.matchSeconds.toFixed(2)} s matching (goal ≤ ${n(epicentreGoal)} bytes: ${e.bytes <= epicentreGoal ? 'met' : 'not met'})`,
    `  no phone worse than today: worst province ${n(worst)} bytes vs national ${n(national.bytes)} (${worst <= national.bytes ? 'met' : 'not met'})`,
  ].join('\n');
}
