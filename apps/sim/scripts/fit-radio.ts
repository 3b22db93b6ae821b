/**
 * Fits the radio model to the real measurements in data/ble/ and writes the parameters, with the
 * fit's statistics, to apps/sim/src/radio/fitted-radio.ts. Usage: npx tsx apps/sim/scripts/fit-radio.ts
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fitCarried } from '../src/radio/fit/fit-carried.js';
import { phoneOffsetSd, readingQuantile } from '../src/radio/fit/fit-helpers.js';
import { fitLineOfSight } from '../src/radio/fit/fit-line-of-sight.js';
import type { RadioParameters } from '../src/radio/radio-parameters.js';
import { loadHeraldGroups, loadPcngGroups } from './ble-measurements.js';

const OUTPUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'radio', 'fitted-radio.ts');

const pcng = loadPcngGroups();
const base: RadioParameters = {
  referenceLossDb: 45,
  pathLossExponent: 2,
  diffuseLossDb: 70,
  carryingLossDb: { hand: 0, pocket: 10, backpack: 10 },
  shadowingSdDb: 0,
  linkShadowingSdDb: 0,
  fadingSdDb: 5,
  phoneOffsetSdDb: 0,
  // The level below which 2 % of all pcng readings lie (whole dBm); width: assumption.
  sensitivityDbm: Math.round(readingQuantile(pcng, 0.02)),
  sensitivityWidthDb: 3,
  minDistanceM: 0.1,
};
const carried = fitCarried(pcng, base);
const parameters: RadioParameters = {
  ...carried.parameters,
  phoneOffsetSdDb: phoneOffsetSd(carried.linkOffsetDb),
};
const lineOfSight = fitLineOfSight(loadHeraldGroups());
const round = (value: number): number => Math.round(value * 1000) / 1000;
const rounded = JSON.parse(
  JSON.stringify({ parameters, carried: carried.statistics, lineOfSight }),
  (_key, value) => (typeof value === 'number' ? round(value) : value),
);

writeFileSync(
  OUTPUT,
  `// Written by apps/sim/scripts/fit-radio.ts from data/ble/ (pcng-rss-smartphone, MIT; herald-edison,
// Apache-2.0). Do not edit: run \`npx tsx apps/sim/scripts/fit-radio.ts\`.
import type { RadioFitStatistics, RadioParameters } from './radio-parameters.js';

/** Radio parameters fitted on phones carried by people (pcng-rss-smartphone). */
export const FITTED_RADIO_PARAMETERS: RadioParameters = ${JSON.stringify(rounded.parameters)};

/** How well they fit: per group of readings (carrying pair, distance, direction). */
export const FITTED_RADIO_STATISTICS: RadioFitStatistics = ${JSON.stringify(rounded.carried)};

/** Line-of-sight fit of the robot bench (herald-edison): a check on the exponent and the noise. */
export const LINE_OF_SIGHT_FIT = ${JSON.stringify(rounded.lineOfSight)} as const;
`,
);
execFileSync('npx', ['biome', 'format', '--write', OUTPUT], { stdio: 'ignore' });
console.log(JSON.stringify(rounded, null, 2));
