// Written by apps/sim/scripts/fit-radio.ts from data/ble/ (pcng-rss-smartphone, MIT; herald-edison,
// Apache-2.0). Do not edit: run `npx tsx apps/sim/scripts/fit-radio.ts`.
import type { RadioFitStatistics, RadioParameters } from './radio-parameters.js';

/** Radio parameters fitted on phones carried by people (pcng-rss-smartphone). */
export const FITTED_RADIO_PARAMETERS: RadioParameters = {
  referenceLossDb: 48.648,
  pathLossExponent: 1.463,
  diffuseLossDb: 70.944,
  carryingLossDb: { hand: 0, pocket: 9.929, backpack: 11.268 },
  shadowingSdDb: 3.66,
  linkShadowingSdDb: 1.13,
  fadingSdDb: 5.624,
  phoneOffsetSdDb: 5.943,
  sensitivityDbm: -105,
  sensitivityWidthDb: 3,
  minDistanceM: 0.1,
};

/** How well they fit: per group of readings (carrying pair, distance, direction). */
export const FITTED_RADIO_STATISTICS: RadioFitStatistics = {
  dataset: 'pcng-rss-smartphone',
  groups: 151,
  readings: 123718,
  rmsMeanErrorDb: 3.858,
  rmsSdErrorDb: 1.282,
  extra: {
    'offsetDb gryphonelab→HTC One M9': 0,
    'offsetDb HTC One M9→gryphonelab': 4.245,
    'offsetDb ASUS_Z00AD→N8': 6.586,
    'offsetDb N8→ASUS_Z00AD': 22.851,
  },
};

/** Line-of-sight fit of the robot bench (herald-edison): a check on the exponent and the noise. */
export const LINE_OF_SIGHT_FIT = {
  pathLossExponent: 1.33,
  interceptDbm: {
    'SM-A205F→SM-A105F': -73.784,
    'SM-A105F→SM-A205F': -73.566,
    'Pixel 2→SM-A205F': -81.39,
    'SM-A205F→Pixel 2': -77.593,
    'iPhone 5S→iPhone 6 Plus': -55.578,
    'iPhone 6 Plus→iPhone 5S': -54.482,
    'Pixel 3→Pixel 2': -78.095,
    'Pixel 2→Pixel 3': -76.633,
    'iPhone 8 Plus→iPhone 6S Plus': -49.761,
    'iPhone 6S Plus→iPhone 8 Plus': -47.637,
  },
  shadowingSdDb: 4.334,
  fadingSdDb: 1.759,
  statistics: {
    dataset: 'herald-edison',
    groups: 1502,
    readings: 417375,
    rmsMeanErrorDb: 4.334,
    rmsSdErrorDb: 0,
    extra: {},
  },
} as const;
