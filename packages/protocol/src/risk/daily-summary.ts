// Per-UTC-day summaries of scored windows (GAEN DailySummary) and the day's risk level.

import type { UtcDay } from '../time/interval.js';
import type { DailyAggregation, RiskConfiguration, RiskLevel } from './risk-configuration.js';
import { round6, type WindowRisk } from './window-score.js';

/** GAEN-style daily summary of the counted windows of one UTC day. */
export interface DailySummary {
  readonly day: UtcDay;
  /** Windows that count (at or above the per-window minimum). */
  readonly windowCount: number;
  readonly scoreSum: number;
  readonly maximumScore: number;
  /** The day's (normalized) minutes under the configured aggregation. */
  readonly normalizedTime: number;
  readonly riskLevel: RiskLevel;
  readonly minimumDistinctEncountersWithLowRisk: number;
  readonly minimumDistinctEncountersWithHighRisk: number;
}

/** Adds window scores the way the configuration says (sum or maximum), rounded to 6 decimals. */
export function aggregateScores(scores: readonly number[], how: DailyAggregation): number {
  if (scores.length === 0) return 0;
  return round6(how === 'max' ? Math.max(...scores) : scores.reduce((a, b) => a + b, 0));
}

/** none below `low`, low in [low, high), high at ≥ high; a day without counted windows is none. */
export function dayRiskLevel(
  normalizedTime: number,
  windowCount: number,
  config: RiskConfiguration,
): RiskLevel {
  if (windowCount === 0) return 'none';
  if (normalizedTime >= config.dayThresholdsMinutes.high) return 'high';
  return normalizedTime >= config.dayThresholdsMinutes.low ? 'low' : 'none';
}

/** Groups scored windows by UTC day. */
export function windowsByDay(windows: readonly WindowRisk[]): Map<UtcDay, WindowRisk[]> {
  const days = new Map<UtcDay, WindowRisk[]>();
  for (const w of windows) days.set(w.window.day, [...(days.get(w.window.day) ?? []), w]);
  return days;
}

/**
 * Daily summaries, most recent day first. Distinct encounters follow Corona-Warn-App: on a day
 * that has a risk level, the windows of each window level are counted once per encounter key.
 */
export function dailySummaries(windows: readonly WindowRisk[], config: RiskConfiguration): DailySummary[] {
  const result: DailySummary[] = [];
  for (const [day, all] of windowsByDay(windows)) {
    const counted = all.filter((w) => w.counted);
    const scores = counted.map((w) => w.score);
    const normalizedTime = aggregateScores(scores, config.dailyAggregation);
    const riskLevel = dayRiskLevel(normalizedTime, counted.length, config);
    const distinct = (level: RiskLevel) =>
      riskLevel === 'none'
        ? 0
        : new Set(counted.filter((w) => w.level === level).map((w) => w.encounterKey)).size;
    result.push({
      day,
      windowCount: counted.length,
      scoreSum: aggregateScores(scores, 'sum'),
      maximumScore: aggregateScores(scores, 'max'),
      normalizedTime,
      riskLevel,
      minimumDistinctEncountersWithLowRisk: distinct('low'),
      minimumDistinctEncountersWithHighRisk: distinct('high'),
    });
  }
  return result.sort((a, b) => b.day - a.day);
}
