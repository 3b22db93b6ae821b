// Bluezone's levels (docs/protocol.md §8): F1 when confirmed or clinical keys alone make a day high,
// F2 when a day is high only with RECURSIVE keys added. F1 outranks F2.

import { ReportType } from '../diagnosis.js';
import type { UtcDay } from '../time/interval.js';
import { aggregateScores, windowsByDay } from './daily-summary.js';
import type { BluezoneLevel, RiskConfiguration } from './risk-configuration.js';
import type { WindowRisk } from './window-score.js';

/** The level, and the most recent day on which it was reached (undefined for 'none'). */
export interface BluezoneLevelResult {
  readonly level: BluezoneLevel;
  readonly exposureDay?: UtcDay | undefined;
}

/** Report types whose keys make an F1 (self-reports only when the configuration says so). */
export function f1ReportTypes(config: RiskConfiguration): readonly ReportType[] {
  const base: ReportType[] = [ReportType.CONFIRMED_TEST, ReportType.CONFIRMED_CLINICAL_DIAGNOSIS];
  return config.selfReportLevel === 'F1' ? [...base, ReportType.SELF_REPORT] : base;
}

/** The level of each day that reaches one. */
export function bluezoneDayLevels(
  windows: readonly WindowRisk[],
  config: RiskConfiguration,
): Map<UtcDay, BluezoneLevel> {
  const f1Types = f1ReportTypes(config);
  const chainTypes = [...f1Types, ReportType.RECURSIVE];
  const high = config.dayThresholdsMinutes.high;
  const levels = new Map<UtcDay, BluezoneLevel>();
  for (const [day, all] of windowsByDay(windows)) {
    const counted = all.filter((w) => w.counted);
    const score = (types: readonly ReportType[]) =>
      aggregateScores(
        counted.filter((w) => types.includes(w.reportType)).map((w) => w.score),
        config.dailyAggregation,
      );
    const hasF1 = counted.some((w) => f1Types.includes(w.reportType));
    const hasChain = counted.some((w) => chainTypes.includes(w.reportType));
    if (hasF1 && score(f1Types) >= high) levels.set(day, 'F1');
    else if (hasChain && score(chainTypes) >= high) levels.set(day, 'F2');
  }
  return levels;
}

/** F1 if any day is F1, else F2 if any day is F2; the exposure day is the most recent day of that level. */
export function bluezoneLevel(
  windows: readonly WindowRisk[],
  config: RiskConfiguration,
): BluezoneLevelResult {
  const levels = bluezoneDayLevels(windows, config);
  for (const level of ['F1', 'F2'] as const) {
    const days = [...levels].filter(([, l]) => l === level).map(([d]) => d);
    if (days.length > 0) return { level, exposureDay: Math.max(...days) as UtcDay };
  }
  return { level: 'none' };
}
