import { ProtocolError } from '../errors.js';
import { type IntervalNumber, intervalNumber, ROLLING_PERIOD } from '../time/interval.js';

/** Injected randomness: fills and returns `n` cryptographically random bytes. */
export type RandomBytes = (n: number) => Uint8Array;

export const TEK_LENGTH = 16;

/** A Temporary Exposure Key: 16 random bytes, valid for `rollingPeriod` intervals from `rollingStartIntervalNumber`. */
export interface TemporaryExposureKey {
  readonly keyData: Uint8Array;
  readonly rollingStartIntervalNumber: IntervalNumber;
  /** 1…144; 144 (a full day) unless the key was cut short. */
  readonly rollingPeriod: number;
}

/** Makes a new TEK for the rolling period starting at `rollingStart` from injected randomness. */
export function generateTemporaryExposureKey(
  random: RandomBytes,
  rollingStart: IntervalNumber,
  rollingPeriod = ROLLING_PERIOD,
): TemporaryExposureKey {
  const keyData = random(TEK_LENGTH);
  if (!(keyData instanceof Uint8Array) || keyData.length !== TEK_LENGTH) {
    throw new ProtocolError('invalid_randomness', `the random source must return ${TEK_LENGTH} bytes`);
  }
  return temporaryExposureKey(keyData, rollingStart, rollingPeriod);
}

/** Validates and builds a TEK. */
export function temporaryExposureKey(
  keyData: Uint8Array,
  rollingStart: number,
  rollingPeriod = ROLLING_PERIOD,
): TemporaryExposureKey {
  if (keyData.length !== TEK_LENGTH) {
    throw new ProtocolError('invalid_key', `a temporary exposure key has 16 bytes, not ${keyData.length}`);
  }
  if (!Number.isInteger(rollingPeriod) || rollingPeriod < 1 || rollingPeriod > ROLLING_PERIOD) {
    throw new ProtocolError('invalid_rolling_period', `rolling period must be 1…144, not ${rollingPeriod}`);
  }
  return { keyData, rollingStartIntervalNumber: intervalNumber(rollingStart), rollingPeriod };
}

/** The interval just after the key stopped being valid. */
export function keyEndInterval(key: TemporaryExposureKey): number {
  return key.rollingStartIntervalNumber + key.rollingPeriod;
}
