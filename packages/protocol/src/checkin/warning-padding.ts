// Fake warnings that pad a package, so its size does not tell how many people shared check-ins that
// hour. Randomness comes in (the protocol package has none of its own).

import { ProtocolError } from '../errors.js';
import { LOCATION_ID_BYTES } from './location-id.js';
import {
  MAX_TRANSMISSION_RISK_LEVEL,
  MAX_WARNING_PERIOD,
  type TraceTimeIntervalWarning,
} from './trace-warning.js';

/** Where fake warnings may fall, and the source of randomness (cryptographic on a server). */
export interface WarningPaddingOptions {
  /** `n` random bytes. */
  readonly randomBytes: (n: number) => Uint8Array;
  /** First and last 10-minute interval a window may cover (e.g. the last 14 days). */
  readonly firstInterval: number;
  readonly lastInterval: number;
}

/**
 * The real warnings plus fakes up to `minimum`, in random order. A fake names a random location ID hash
 * (no venue has it) and copies the period and risk level of a random real warning (uniform when there
 * is none) at a random start, so fakes look like real ones to anyone reading the package.
 */
export function padTraceWarnings(
  real: readonly TraceTimeIntervalWarning[],
  minimum: number,
  options: WarningPaddingOptions,
): TraceTimeIntervalWarning[] {
  const { firstInterval, lastInterval } = options;
  if (
    !Number.isSafeInteger(firstInterval) ||
    !Number.isSafeInteger(lastInterval) ||
    lastInterval < firstInterval
  ) {
    throw new ProtocolError('invalid_padding', `intervals ${firstInterval}…${lastInterval} are not a range`);
  }
  const random = (n: number) => {
    const b = options.randomBytes(4);
    return ((((b[0] ?? 0) << 24) | ((b[1] ?? 0) << 16) | ((b[2] ?? 0) << 8) | (b[3] ?? 0)) >>> 0) % n;
  };
  const all = [...real];
  while (all.length < minimum) {
    const model = real.length > 0 ? real[random(real.length)] : undefined;
    const period = Math.min(
      model?.period ?? 1 + random(MAX_WARNING_PERIOD),
      lastInterval - firstInterval + 1,
    );
    all.push({
      locationIdHash: options.randomBytes(LOCATION_ID_BYTES),
      startIntervalNumber: firstInterval + random(lastInterval - firstInterval + 2 - period),
      period,
      transmissionRiskLevel: model?.transmissionRiskLevel ?? 1 + random(MAX_TRANSMISSION_RISK_LEVEL),
    });
  }
  for (let i = all.length - 1; i > 0; i--) {
    const j = random(i + 1);
    [all[i], all[j]] = [all[j] as TraceTimeIntervalWarning, all[i] as TraceTimeIntervalWarning];
  }
  return all;
}
