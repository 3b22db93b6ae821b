import {
  type ExposureRisk,
  type GuidanceText,
  isoDateOfDay,
  type RiskConfiguration,
} from '@bluezone/protocol';
import { getJson, type KeyValueStore, setJson } from '../ports/key-value-store.js';
import type { Notifier } from '../ports/platform.js';

/** One day of the risk details shown with a warning. */
export interface WarningDay {
  /** ISO date (UTC). */
  readonly date: string;
  /** The day's (normalized) weighted minutes under the configuration. */
  readonly weightedMinutes: number;
  readonly riskLevel: 'none' | 'low' | 'high';
}

/** What the person is told: F1 (close contact of an F0) or F2 (close contact of an F1). */
export interface ExposureWarning {
  readonly level: 'F1' | 'F2';
  /** ISO date of the most recent day that reached the level. */
  readonly exposureDate: string;
  readonly days: readonly WarningDay[];
  readonly guidance: GuidanceText;
  /** The configuration that scored it. */
  readonly configuration: string;
  /** When the phone first gave this warning (or its upgrade), ms since 1970. */
  readonly warnedAtMs: number;
}

const KEY = 'warnings/current';
const RANK = { none: 0, F2: 1, F1: 2 } as const;

/** Notification texts per language. */
const TITLES = {
  vi: { F1: 'Bạn là F1: đã tiếp xúc gần với F0', F2: 'Bạn là F2: đã tiếp xúc gần với F1' },
  en: { F1: 'F1: you were close to a confirmed case', F2: 'F2: you were close to a close contact' },
} as const;

export type Language = keyof typeof TITLES;

/**
 * The phone's warning, never downgraded: a later assessment replaces it only with a higher level
 * (F2 → F1), or the same level with a more recent exposure date (a new exposure). Each replacement
 * is notified once; an assessment that changes nothing notifies nothing.
 */
export class WarningState {
  constructor(
    private readonly store: KeyValueStore,
    private readonly notifier: Notifier,
    private readonly language: Language,
  ) {}

  async current(): Promise<ExposureWarning | null> {
    return getJson<ExposureWarning | null>(this.store, KEY, null);
  }

  /** Merges an assessment into the stored warning; returns the warning now in force. */
  async merge(risk: ExposureRisk, config: RiskConfiguration, nowMs: number): Promise<ExposureWarning | null> {
    const stored = await this.current();
    if (risk.level === 'none' || risk.exposureDate === undefined) return stored;
    const storedRank = stored === null ? 0 : RANK[stored.level];
    const better =
      RANK[risk.level] > storedRank ||
      (stored !== null && RANK[risk.level] === storedRank && risk.exposureDate > stored.exposureDate);
    if (!better) return stored;
    const warning: ExposureWarning = {
      level: risk.level,
      exposureDate: risk.exposureDate,
      days: risk.days.map((d) => ({
        date: isoDateOfDay(d.day),
        weightedMinutes: d.normalizedTime,
        riskLevel: d.riskLevel,
      })),
      guidance: config.guidance[risk.level],
      configuration: config.name,
      warnedAtMs: nowMs,
    };
    await setJson(this.store, KEY, warning);
    await this.notifier.notify({
      level: warning.level,
      title: TITLES[this.language][warning.level],
      body: warning.guidance[this.language],
      exposureDate: warning.exposureDate,
    });
    return warning;
  }
}
