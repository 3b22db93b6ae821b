import { CARRYING_POSITIONS } from '../mobility/options.js';
import type { RadioParameters } from './radio-parameters.js';

/**
 * Mean path gain (dB, negative) between two calibrated phones `distanceM` apart, carried at
 * `carryingA` and `carryingB` (indexes into CARRYING_POSITIONS): the direct log-distance path,
 * attenuated by carrying (and by `extraDirectLossDb`, e.g. bodies in the way), power-summed with the
 * diffuse part. The mean RSSI is
 * txPower(sender) − rssiCorrection(receiver) + this gain.
 */
export function pathGainDb(
  parameters: RadioParameters,
  distanceM: number,
  carryingA: number,
  carryingB: number,
  extraDirectLossDb = 0,
): number {
  const losses = parameters.carryingLossDb;
  const distance = Math.max(distanceM, parameters.minDistanceM);
  const direct =
    -parameters.referenceLossDb -
    10 * parameters.pathLossExponent * Math.log10(distance) -
    losses[CARRYING_POSITIONS[carryingA] ?? 'hand'] -
    losses[CARRYING_POSITIONS[carryingB] ?? 'hand'] -
    extraDirectLossDb;
  return 10 * Math.log10(10 ** (direct / 10) + 10 ** (-parameters.diffuseLossDb / 10));
}

/**
 * Mean RSSI (dBm) a receiver measures from a sender: the calibration identity plus the path gain
 * (with `extraDirectLossDb` on the direct path).
 */
export function meanRssiDbm(
  parameters: RadioParameters,
  distanceM: number,
  carryingSender: number,
  carryingReceiver: number,
  senderTxPower: number,
  receiverRssiCorrection: number,
  extraDirectLossDb = 0,
): number {
  const gain = pathGainDb(parameters, distanceM, carryingSender, carryingReceiver, extraDirectLossDb);
  return senderTxPower - receiverRssiCorrection + gain;
}
