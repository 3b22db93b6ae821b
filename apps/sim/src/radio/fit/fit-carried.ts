import { heardMoments } from '../normal.js';
import { meanRssiDbm } from '../path-loss.js';
import type { RadioFitStatistics, RadioParameters } from '../radio-parameters.js';
import { groupMoments, type MeasuredGroup } from './measured-group.js';
import { nelderMead } from './nelder-mead.js';
import { splitResiduals } from './split-residuals.js';

/** Parameters fitted on phones carried by people, with the fit's statistics. */
export interface CarriedFit {
  readonly parameters: RadioParameters;
  readonly statistics: RadioFitStatistics;
  /** Offset (dB) of each directed link of test phones (the first is 0), not used by the simulator. */
  readonly linkOffsetDb: Readonly<Record<string, number>>;
}

/**
 * The parameters encoded by vector `x`: reference loss, exponent, pocket and backpack losses,
 * diffuse loss, fading sd, then one offset per directed link after the first.
 */
function decode(x: readonly number[], base: RadioParameters): RadioParameters {
  return {
    ...base,
    referenceLossDb: x[0] ?? 0,
    pathLossExponent: x[1] ?? 2,
    carryingLossDb: { hand: 0, pocket: x[2] ?? 0, backpack: x[3] ?? 0 },
    diffuseLossDb: x[4] ?? 80,
    fadingSdDb: Math.abs(x[5] ?? 5),
  };
}

/** The model's mean and sd of heard readings for a group, with its link offset. */
export function predictGroup(parameters: RadioParameters, group: MeasuredGroup, linkOffsetDb: number) {
  const mean =
    meanRssiDbm(
      parameters,
      group.distanceM,
      group.carryingSender,
      group.carryingReceiver,
      group.senderTxPower,
      group.receiverRssiCorrection,
    ) + linkOffsetDb;
  return heardMoments(mean, parameters.fadingSdDb, parameters.sensitivityDbm, parameters.sensitivityWidthDb);
}

/**
 * Fits the radio model to groups of readings of phones carried by people (pcng-rss-smartphone):
 * least squares on each group's mean and standard deviation of heard readings, as predicted with
 * selection on hearing (`heardMoments`). Each directed link of test phones after the first gets a
 * constant offset: these phones' hardware differs from their table calibration (two are not in the
 * table at all), and by a different amount in each direction. The hearing curve (sensitivity, width)
 * comes from `base`: readings alone do not say how many advertisements were missed, and letting it
 * float trades it against the fading. Shadowing comes from the residuals (`splitResiduals`).
 */
export function fitCarried(groups: readonly MeasuredGroup[], base: RadioParameters): CarriedFit {
  const links = [...new Set(groups.map((group) => group.link))];
  const moments = groups.map(groupMoments);
  const offsetOf = (x: readonly number[], group: MeasuredGroup): number => {
    const index = links.indexOf(group.link);
    return index <= 0 ? 0 : (x[5 + index] ?? 0);
  };
  const loss = (x: readonly number[]): number => {
    const parameters = decode(x, base);
    let sum = 0;
    groups.forEach((group, i) => {
      const predicted = predictGroup(parameters, group, offsetOf(x, group));
      const measured = moments[i] ?? { mean: 0, sd: 0 };
      sum += (predicted.mean - measured.mean) ** 2 + (predicted.sd - measured.sd) ** 2;
    });
    return sum;
  };
  const start = [45, 2, 10, 12, 70, 5, ...links.slice(1).map(() => 0)];
  const steps = [5, 0.5, 5, 5, 5, 1, ...links.slice(1).map(() => 5)];
  let best = nelderMead(loss, start, steps);
  for (let restart = 0; restart < 3; restart++) best = nelderMead(loss, best.x, steps);
  const fitted = decode(best.x, base);
  const residuals = groups.map((group, i) => {
    const predicted = predictGroup(fitted, group, offsetOf(best.x, group));
    const measured = moments[i] ?? { mean: 0, sd: 0 };
    return { group, mean: measured.mean - predicted.mean, sd: measured.sd - predicted.sd };
  });
  const split = splitResiduals(residuals);
  const linkOffsetDb = Object.fromEntries(links.map((link, i) => [link, i === 0 ? 0 : (best.x[5 + i] ?? 0)]));
  const rms = (values: number[]) => Math.sqrt(values.reduce((s, v) => s + v * v, 0) / values.length);
  return {
    parameters: { ...fitted, ...split },
    statistics: {
      dataset: 'pcng-rss-smartphone',
      groups: groups.length,
      readings: groups.reduce((sum, group) => sum + group.readings.length, 0),
      rmsMeanErrorDb: rms(residuals.map((r) => r.mean)),
      rmsSdErrorDb: rms(residuals.map((r) => r.sd)),
      extra: Object.fromEntries(
        Object.entries(linkOffsetDb).map(([link, offset]) => [`offsetDb ${link}`, offset]),
      ),
    },
    linkOffsetDb,
  };
}
