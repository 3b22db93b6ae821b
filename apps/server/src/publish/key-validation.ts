import { MAX_PUBLISH_KEYS, type PublishTemporaryExposureKey } from '@bluezone/api';
import { type IntervalNumber, ROLLING_PERIOD, rollingStartOf } from '@bluezone/protocol';
import { AppError } from '../errors/app-error.js';
import { strictBase64 } from './strict-base64.js';

// The per-key rows of docs/protocol.md §6, pure: keys in, accepted keys and one warning per dropped key out.

export const KEY_BYTES = 16;
export const MAX_TRANSMISSION_RISK = 8;
/** Keys whose period ended more than this many days ago are too old to matter. */
export const MAX_KEY_AGE_DAYS = 15;
/** At most this many keys may share one start interval (a phone that reset its key during a day). */
export const MAX_SAME_START_KEYS = 3;

/** A key that passed the per-key checks, with its decoded bytes. */
export interface ValidKey {
  readonly keyData: Uint8Array;
  readonly rollingStartIntervalNumber: number;
  readonly rollingPeriod: number;
  readonly transmissionRisk: number;
}

export function checkKeyCount(count: number): void {
  if (count === 0) throw new AppError('no_keys');
  if (count > MAX_PUBLISH_KEYS) throw new AppError('too_many_keys');
}

function decodeKey(text: string): Uint8Array | undefined {
  const bytes = strictBase64(text);
  return bytes?.length === KEY_BYTES ? new Uint8Array(bytes) : undefined;
}

/** Why the key is dropped, or undefined when it is kept. `nowInterval` is the current interval. */
function problemOf(key: PublishTemporaryExposureKey, nowInterval: number): string | undefined {
  const { rollingStartNumber: start, rollingPeriod: period, transmissionRisk: risk } = key;
  if (decodeKey(key.key) === undefined) return `key is not the base64 of ${KEY_BYTES} bytes`;
  if (period < 1 || period > ROLLING_PERIOD) return `rollingPeriod ${period} is not in 1..${ROLLING_PERIOD}`;
  if (risk < 0 || risk > MAX_TRANSMISSION_RISK)
    return `transmissionRisk ${risk} is not in 0..${MAX_TRANSMISSION_RISK}`;
  if (start < 0) return `rollingStartNumber ${start} is negative (it counts 10-minute intervals since 1970)`;
  if (start > nowInterval) return `rollingStartNumber ${start} is in the future`;
  // Counted from the UTC midnight 15 days back, as Google's key server does.
  if (start + period < rollingStartOf((nowInterval - MAX_KEY_AGE_DAYS * ROLLING_PERIOD) as IntervalNumber))
    return `the key's period ended more than ${MAX_KEY_AGE_DAYS} days ago`;
  return undefined;
}

/** Keeps the well-formed, current keys; each dropped key gets a warning naming its position. */
export function validateKeys(
  keys: readonly PublishTemporaryExposureKey[],
  nowInterval: number,
): { accepted: ValidKey[]; warnings: string[] } {
  const accepted: ValidKey[] = [];
  const warnings: string[] = [];
  keys.forEach((key, index) => {
    const problem = problemOf(key, nowInterval);
    if (problem) {
      warnings.push(`temporaryExposureKeys[${index}]: ${problem}; dropped`);
      return;
    }
    accepted.push({
      keyData: decodeKey(key.key) as Uint8Array,
      rollingStartIntervalNumber: key.rollingStartNumber,
      rollingPeriod: key.rollingPeriod,
      transmissionRisk: key.transmissionRisk,
    });
  });
  return { accepted, warnings };
}

/**
 * Keys whose periods overlap must share a start interval (a key replaced during its day), and at most
 * `MAX_SAME_START_KEYS` may share one; anything else is not one phone's history and fails the request.
 */
export function checkOverlaps(keys: readonly ValidKey[]): void {
  const sorted = [...keys].sort((a, b) => a.rollingStartIntervalNumber - b.rollingStartIntervalNumber);
  let sameStart = 0;
  for (let i = 0; i < sorted.length; i++) {
    const key = sorted[i] as ValidKey;
    const previous = sorted[i - 1];
    if (previous && previous.rollingStartIntervalNumber === key.rollingStartIntervalNumber) {
      if (++sameStart > MAX_SAME_START_KEYS)
        throw new AppError(
          'keys_overlap',
          `More than ${MAX_SAME_START_KEYS} keys start at interval ${key.rollingStartIntervalNumber}.`,
        );
      continue;
    }
    sameStart = 1;
    const end = Math.max(
      ...sorted.slice(0, i).map((k) => k.rollingStartIntervalNumber + k.rollingPeriod),
      Number.NEGATIVE_INFINITY,
    );
    if (end > key.rollingStartIntervalNumber)
      throw new AppError(
        'keys_overlap',
        `The key starting at interval ${key.rollingStartIntervalNumber} overlaps an earlier key.`,
      );
  }
}
