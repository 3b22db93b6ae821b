import { configuredAreas } from '../areas/area-codes.js';
import type { Province } from '../areas/area-set.types.js';
import type { ConsoleRole } from '../database/accounts.schema.js';
import { AppError } from '../errors/app-error.js';

// The areas adoption is counted in: the 63 provinces of 2020 and their districts (docs/areas.md), as
// the app and /v1/areas know them.

export const NATIONAL_AREA = 'VN';
/** The national target Bluezone was given in 2020: 50 million users. */
export const NATIONAL_TARGET_USERS = 50_000_000;
/** Who reads adoption counts and targets (case workers do not). */
export const ADOPTION_READERS: readonly ConsoleRole[] = ['national', 'province', 'analyst'];
/** Who changes targets, organisations and links and imports counts. */
export const CAMPAIGN_WRITERS: readonly ConsoleRole[] = ['national', 'province'];

export const adoptionAreas = configuredAreas;

/** An area of a target: the country, a province or a district, with the province it is in. */
export interface TargetArea {
  readonly code: string;
  readonly level: 'country' | 'province' | 'district';
  readonly province: string | null;
  readonly vi: string;
  readonly en: string;
  readonly population: number | null;
}

export function requireTargetArea(code: string): TargetArea {
  const set = adoptionAreas();
  if (code === NATIONAL_AREA)
    return {
      code,
      level: 'country',
      province: null,
      vi: 'Việt Nam',
      en: 'Viet Nam',
      population: set.populationTotal,
    };
  const province = set.provinces.find((p) => p.code === code);
  if (province)
    return { code, level: 'province', province: code, vi: province.vi, en: province.en, ...pop(province) };
  for (const p of set.provinces) {
    const district = p.districts.find((d) => d.code === code);
    if (district)
      return {
        code,
        level: 'district',
        province: p.code,
        vi: district.vi,
        en: district.en,
        population: district.population ?? null,
      };
  }
  throw new AppError(
    'unknown_province',
    `${JSON.stringify(code.slice(0, 16))} is neither VN, a province (VN-20) nor a district (GSO code).`,
  );
}

const pop = (p: Province) => ({ population: p.population });

/** Whether a text is a real day as YYYY-MM-DD (not 2026-02-30), from year 2000 to 2099. */
export function isCalendarDay(text: string): boolean {
  if (!/^20\d{2}-\d{2}-\d{2}$/.test(text)) return false;
  const at = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(at.getTime()) && at.toISOString().slice(0, 10) === text;
}

/** Today's UTC day (YYYY-MM-DD). */
export const utcDay = (at: Date): string => at.toISOString().slice(0, 10);

/** `day` plus `n` days (YYYY-MM-DD). */
export function addDays(day: string, n: number): string {
  return utcDay(new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
