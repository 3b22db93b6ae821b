import type { CarryingPosition } from '../mobility/options.js';

/**
 * The radio model's parameters. The received power of an advertisement is
 *
 *   rssi = txPower(sender) − rssiCorrection(receiver) + phone offsets
 *          + 10·log10(10^(direct/10) + 10^(−diffuseLossDb/10)) + shadowing (shared + own) + fading
 *   direct = −referenceLossDb − 10·pathLossExponent·log10(d / 1 m) − loss(carrying of each phone)
 *
 * a log-distance line-of-sight path (attenuated by the bodies around phones in pockets and bags)
 * plus a distance-independent diffuse part (reflections in the room), which is what keeps phones in
 * pockets at −90…−100 dBm whether 0.2 m or 5 m apart. An advertisement is heard with probability
 * Φ((rssi − sensitivityDbm) / sensitivityWidthDb); heard readings are rounded to whole dBm.
 */
export interface RadioParameters {
  /** Path loss at 1 m for a calibrated pair (dB). */
  readonly referenceLossDb: number;
  /** Log-distance path-loss exponent. */
  readonly pathLossExponent: number;
  /** Loss of the diffuse (reflected) part relative to a calibrated TX power (dB). */
  readonly diffuseLossDb: number;
  /** Extra loss of the direct path per phone by carrying position (dB; hand = 0). */
  readonly carryingLossDb: Readonly<Record<CarryingPosition, number>>;
  /** Standard deviation of the per-encounter shadowing (dB), shared by both directions. */
  readonly shadowingSdDb: number;
  /** Standard deviation of the per-encounter shadowing of each direction on its own (dB). */
  readonly linkShadowingSdDb: number;
  /** Standard deviation of fast fading per advertisement (dB). */
  readonly fadingSdDb: number;
  /** Standard deviation of a phone's own TX and RX deviation from its calibration (dB, each). */
  readonly phoneOffsetSdDb: number;
  /** RSSI at which half of the advertisements are heard (dBm). */
  readonly sensitivityDbm: number;
  /** Width of the hearing probability around the sensitivity (dB). */
  readonly sensitivityWidthDb: number;
  /** Distances below this are treated as this (m): the near field of the antennas. */
  readonly minDistanceM: number;
}

/** Fit statistics stored with fitted parameters. */
export interface RadioFitStatistics {
  readonly dataset: string;
  readonly groups: number;
  readonly readings: number;
  /** Root mean square of (model − measured) mean RSSI over the fitted groups (dB). */
  readonly rmsMeanErrorDb: number;
  /** Root mean square of (model − measured) standard deviation over the fitted groups (dB). */
  readonly rmsSdErrorDb: number;
  /** Anything else the fit estimated that the simulator does not use (e.g. test-phone offsets). */
  readonly extra: Readonly<Record<string, number>>;
}
