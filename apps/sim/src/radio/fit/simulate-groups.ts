import type { Random } from '@bluezone/epidemic';
import { normalCdf } from '../normal.js';
import { meanRssiDbm } from '../path-loss.js';
import type { RadioParameters } from '../radio-parameters.js';
import { groupMoments, type MeasuredGroup } from './measured-group.js';
import { kolmogorovSmirnov } from './statistics.js';

/** How a measured setup is re-simulated. */
export interface ReplayOptions {
  /** Independent encounters (shadowing draws) per group. */
  readonly encounters: number;
  /** Readings attempted per encounter. */
  readonly readingsPerEncounter: number;
  /** Constant offset of each directed link (the test phones' hardware), dB. */
  readonly linkOffsetDb: Readonly<Record<string, number>>;
  /** Mean RSSI at 1 m per link instead of the calibrated model (line-of-sight bench), dBm. */
  readonly interceptDbm?: Readonly<Record<string, number>>;
}

/**
 * Re-simulates a measured group with the same distance, carrying positions and phones: per
 * encounter a shared shadowing draw (the same for both directions of the spot: drawn from a stream
 * named after the spot) plus the direction's own, then readings with fast fading, kept with the
 * hearing probability and rounded to whole dBm, as phones report them. Returns as many readings as
 * the real group has, resampled from the heard ones.
 */
export function replayGroup(
  parameters: RadioParameters,
  group: MeasuredGroup,
  random: Random,
  options: ReplayOptions,
): Float64Array {
  const spot = random.fork(`${group.phonePair}|${group.setting}|${group.distanceM}`);
  const own = random.fork(`${group.link}|${group.setting}|${group.distanceM}`);
  const intercept = options.interceptDbm?.[group.link];
  const base =
    intercept !== undefined
      ? intercept -
        10 * parameters.pathLossExponent * Math.log10(Math.max(group.distanceM, parameters.minDistanceM))
      : meanRssiDbm(
          parameters,
          group.distanceM,
          group.carryingSender,
          group.carryingReceiver,
          group.senderTxPower,
          group.receiverRssiCorrection,
        ) + (options.linkOffsetDb[group.link] ?? 0);
  const heard: number[] = [];
  for (let e = 0; e < options.encounters; e++) {
    const mean =
      base + spot.normal(0, parameters.shadowingSdDb) + own.normal(0, parameters.linkShadowingSdDb);
    for (let r = 0; r < options.readingsPerEncounter; r++) {
      const rssi = own.normal(mean, parameters.fadingSdDb);
      const p = normalCdf((rssi - parameters.sensitivityDbm) / parameters.sensitivityWidthDb);
      if (own.next() < p) heard.push(Math.round(rssi));
    }
  }
  // As many readings as the real group, drawn from the heard ones, so that pooled cells weigh each
  // group as the measurements do.
  const out = new Float64Array(heard.length === 0 ? 0 : group.readings.length);
  for (let i = 0; i < out.length; i++) out[i] = heard[Math.floor(own.next() * heard.length)] ?? 0;
  return out;
}

/** Real against simulated readings of one comparison cell. */
export interface CellComparison {
  readonly cell: string;
  readonly realReadings: number;
  readonly realMeanDbm: number;
  readonly simulatedMeanDbm: number;
  /** simulated − real mean (dB). */
  readonly meanErrorDb: number;
  readonly kolmogorovSmirnov: number;
}

/** Compares pooled real and simulated readings of the groups of each cell (`cellOf`). */
export function compareCells(
  groups: readonly MeasuredGroup[],
  simulated: readonly Float64Array[],
  cellOf: (group: MeasuredGroup) => string,
): CellComparison[] {
  const cells = new Map<string, { real: number[]; simulated: number[] }>();
  groups.forEach((group, i) => {
    const key = cellOf(group);
    const cell = cells.get(key) ?? { real: [], simulated: [] };
    cell.real.push(...group.readings);
    cell.simulated.push(...(simulated[i] ?? []));
    cells.set(key, cell);
  });
  const moments = (values: number[]) =>
    groupMoments({ readings: Float64Array.from(values) } as MeasuredGroup);
  return [...cells].map(([cell, { real, simulated: sim }]) => {
    const realMean = moments(real).mean;
    const simMean = moments(sim).mean;
    return {
      cell,
      realReadings: real.length,
      realMeanDbm: realMean,
      simulatedMeanDbm: simMean,
      meanErrorDb: simMean - realMean,
      kolmogorovSmirnov: kolmogorovSmirnov(real, sim),
    };
  });
}
