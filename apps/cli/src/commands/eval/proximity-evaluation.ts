// Classifies each (receiver, transmitter, UTC day): a close contact when the day's weighted minutes
// reach the configuration's per-day threshold (`dayThresholdsMinutes.high`: 15 for bluezone).
//
// Weighted minutes are GAEN's: Σ secondsSinceLastScan × attenuation-bucket weight / 60 per window
// (`weightedMinutes`), rounded to 6 decimals; windows below `minimumWindowMinutes` are dropped and
// the rest add up as the configuration says (sum or max). This measures proximity only: the
// report-type and infectiousness weights (and CWA's transmission-risk values) that `bluezone risk`
// also applies are left out, since a sighting carries no diagnosis.

import {
  aggregateScores,
  dayRiskLevel,
  isoDateOfDay,
  type RiskConfiguration,
  type RiskLevel,
  round6,
  type UtcDay,
  weightedMinutes,
} from '@bluezone/protocol';
import { receiverWindows } from './proximity-windows.js';
import type { SightingLog } from './sighting-log.js';

/** The verdict on one pair of phones on one UTC day. */
export interface PairDay {
  readonly receiver: string;
  readonly transmitter: string;
  /** ISO date (YYYY-MM-DD) of the UTC day. */
  readonly day: string;
  readonly closeContact: boolean;
  /** The day's weighted minutes (sum or max of its windows, as configured). */
  readonly weightedMinutes: number;
  /** The day's level under the configuration's thresholds: high = close contact. */
  readonly riskLevel: RiskLevel;
  readonly windows: number;
  readonly scanInstances: number;
  readonly sightings: number;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Every pair-day of the log, ordered by receiver, transmitter and day. */
export function evaluateProximity(log: SightingLog, config: RiskConfiguration): PairDay[] {
  const pairs: PairDay[] = [];
  for (const [receiver, receiverLog] of [...log.receivers].sort(([a], [b]) => byText(a, b))) {
    const heard = receiverWindows(receiverLog);
    for (const { transmitter, windows, sightings } of heard.sort((a, b) =>
      byText(a.transmitter, b.transmitter),
    )) {
      const days = new Map<
        UtcDay,
        { minutes: number[]; scans: number; sightings: number; windows: number }
      >();
      windows.forEach((window, w) => {
        const day = days.get(window.day) ?? { minutes: [], scans: 0, sightings: 0, windows: 0 };
        const minutes = round6(weightedMinutes(window, config));
        if (minutes >= config.minimumWindowMinutes) day.minutes.push(minutes);
        day.windows += 1;
        day.scans += window.scanInstances.length;
        day.sightings += sightings[w] as number;
        days.set(window.day, day);
      });
      for (const [day, d] of [...days].sort(([a], [b]) => a - b)) {
        const total = aggregateScores(d.minutes, config.dailyAggregation);
        const riskLevel = dayRiskLevel(total, d.minutes.length, config);
        pairs.push({
          receiver,
          transmitter,
          day: isoDateOfDay(day),
          closeContact: riskLevel === 'high',
          weightedMinutes: total,
          riskLevel,
          windows: d.windows,
          scanInstances: d.scans,
          sightings: d.sightings,
        });
      }
    }
  }
  return pairs;
}
