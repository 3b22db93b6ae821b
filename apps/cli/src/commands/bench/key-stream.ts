// The benchmark's diagnosis keys: N keys over the log's 14 days, generated one at a time (never all
// in memory), with the planted keys at random places in the stream.

import {
  type DiagnosisKey,
  type DiagnosisKeysDataMapping,
  type Infectiousness,
  type IntervalNumber,
  RETENTION_DAYS,
  ReportType,
  ROLLING_PERIOD,
} from '@bluezone/protocol';
import type { Random } from './random.js';

/**
 * The data mapping of the benchmark: every day since onset is infectious, so no key is skipped for
 * free (a key with infectiousness 'none' would cost no cryptography and flatter the figure).
 */
export const BENCH_MAPPING: DiagnosisKeysDataMapping = {
  daysSinceOnsetToInfectiousness: Object.fromEntries(
    Array.from({ length: 29 }, (_, i): [number, Infectiousness] => [
      i - 14,
      Math.abs(i - 14) <= 3 ? 'high' : 'standard',
    ]),
  ),
  infectiousnessWhenDaysSinceOnsetMissing: 'standard',
  reportTypeWhenMissing: ReportType.CONFIRMED_TEST,
};

/** `n` keys: random confirmed (80 %) or recursive keys of full days, and `planted` among them. */
export function* diagnosisKeys(
  n: number,
  planted: readonly DiagnosisKey[],
  firstDay: number,
  random: Random,
): Generator<DiagnosisKey> {
  if (planted.length > n) throw new RangeError(`cannot plant ${planted.length} keys among ${n}`);
  const at = new Map<number, DiagnosisKey>();
  for (const key of planted) {
    let position = random.int(n);
    while (at.has(position)) position = (position + 1) % n;
    at.set(position, key);
  }
  for (let i = 0; i < n; i++) {
    const plantedKey = at.get(i);
    if (plantedKey !== undefined) {
      yield plantedKey;
      continue;
    }
    yield {
      keyData: random.fill(new Uint8Array(16)),
      rollingStartIntervalNumber: ((firstDay + random.int(RETENTION_DAYS)) *
        ROLLING_PERIOD) as IntervalNumber,
      rollingPeriod: ROLLING_PERIOD,
      transmissionRiskLevel: 0,
      reportType: random.float() < 0.8 ? ReportType.CONFIRMED_TEST : ReportType.RECURSIVE,
      daysSinceOnsetOfSymptoms: random.int(15) - 4,
    };
  }
}
