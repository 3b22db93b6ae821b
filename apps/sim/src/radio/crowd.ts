import { mix32 } from '@bluezone/epidemic';
import { FITTED_RADIO_PARAMETERS } from './fitted-radio.js';

/**
 * Other people's bodies between two phones. The number of bodies on the line between them is
 * Poisson with mean density × distance × body width (people standing at random in the place); each
 * attenuates the direct path like a carrier's own body does.
 */
export interface CrowdOptions {
  /** Width of a body across the line of sight (m). */
  readonly bodyWidthM: number;
  /** Loss of the direct path per body in the way (dB). */
  readonly bodyLossDb: number;
}

/**
 * Defaults: a body is 0.45 m wide (assumption); a body in the way costs what the fit found for a
 * phone in a pocket, i.e. behind its carrier's body (FITTED_RADIO_PARAMETERS.carryingLossDb.pocket).
 */
export const DEFAULT_CROWD: CrowdOptions = Object.freeze({
  bodyWidthM: 0.45,
  bodyLossDb: FITTED_RADIO_PARAMETERS.carryingLossDb.pocket,
});

/**
 * The number of bodies between people `a` and `b` in `encounter`, a pure function of its keys:
 * a hashed uniform through the Poisson distribution's cumulative sums.
 */
export function bodiesBetween(
  salt: number,
  a: number,
  b: number,
  encounter: number,
  meanBodies: number,
): number {
  if (meanBodies <= 0) return 0;
  const u =
    mix32(salt ^ mix32(Math.min(a, b) ^ mix32(Math.max(a, b) ^ mix32(encounter ^ 0x27d4eb2f)))) /
    4_294_967_296;
  let k = 0;
  let term = Math.exp(-meanBodies);
  let cumulative = term;
  while (u > cumulative && k < 50) {
    k++;
    term *= meanBodies / k;
    cumulative += term;
  }
  return k;
}
