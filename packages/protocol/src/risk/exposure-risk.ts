// The aggregate risk of a set of exposure windows, with Corona-Warn-App's terms and Bluezone's level.

import type { ExposureWindow } from '../diagnosis.js';
import { isoDateOfDay, type UtcDay } from '../time/interval.js';
import { bluezoneLevel } from './bluezone-level.js';
import { type DailySummary, dailySummaries } from './daily-summary.js';
import type { BluezoneLevel, GuidanceText, RiskConfiguration, RiskLevel } from './risk-configuration.js';
import { assessWindow } from './window-score.js';

/** One day of the result, with its age relative to `today`. */
export interface DayRisk extends DailySummary {
  readonly ageInDays: number;
}

/** Everything the phone shows (and `bluezone risk` prints). */
export interface ExposureRisk {
  /** high if any day is high; low if any day is low; none otherwise (CWA's LOW covers none and low). */
  readonly totalRiskLevel: RiskLevel;
  readonly level: BluezoneLevel;
  /** ISO date of the most recent day of `level` (undefined for 'none'). */
  readonly exposureDate?: string | undefined;
  /** Days that had windows, most recent first. */
  readonly days: readonly DayRisk[];
  readonly ageOfMostRecentDateWithLowRisk: number | null;
  readonly ageOfMostRecentDateWithHighRisk: number | null;
  readonly numberOfDaysWithLowRisk: number;
  readonly numberOfDaysWithHighRisk: number;
  /** Σ over days with a risk level of the distinct encounter keys of low-risk windows (CWA). */
  readonly minimumDistinctEncountersWithLowRisk: number;
  readonly minimumDistinctEncountersWithHighRisk: number;
  readonly guidance: GuidanceText;
}

/** Scores windows against a validated configuration; `today` gives the ages. Order of windows is irrelevant. */
export function assessExposureRisk(
  windows: readonly ExposureWindow[],
  config: RiskConfiguration,
  today: UtcDay,
): ExposureRisk {
  const scored = windows.map((w) => assessWindow(w, config));
  const days: DayRisk[] = dailySummaries(scored, config).map((d) => ({ ...d, ageInDays: today - d.day }));
  const withLevel = (level: RiskLevel) => days.filter((d) => d.riskLevel === level);
  const mostRecentAge = (level: RiskLevel) => {
    const ages = withLevel(level).map((d) => d.ageInDays);
    return ages.length === 0 ? null : Math.min(...ages);
  };
  const sum = (pick: (d: DayRisk) => number) => days.reduce((acc, d) => acc + pick(d), 0);
  const totalRiskLevel: RiskLevel =
    withLevel('high').length > 0 ? 'high' : withLevel('low').length > 0 ? 'low' : 'none';
  const { level, exposureDay } = bluezoneLevel(scored, config);
  return {
    totalRiskLevel,
    level,
    exposureDate: exposureDay === undefined ? undefined : isoDateOfDay(exposureDay),
    days,
    ageOfMostRecentDateWithLowRisk: mostRecentAge('low'),
    ageOfMostRecentDateWithHighRisk: mostRecentAge('high'),
    numberOfDaysWithLowRisk: withLevel('low').length,
    numberOfDaysWithHighRisk: withLevel('high').length,
    minimumDistinctEncountersWithLowRisk: sum((d) => d.minimumDistinctEncountersWithLowRisk),
    minimumDistinctEncountersWithHighRisk: sum((d) => d.minimumDistinctEncountersWithHighRisk),
    guidance:
      level !== 'none' ? config.guidance[level] : config.guidance[totalRiskLevel === 'none' ? 'none' : 'low'],
  };
}
