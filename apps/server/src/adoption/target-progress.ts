import type { campaignTargets } from '../database/schema.js';
import { daysBetween, requireTargetArea } from './adoption-areas.js';
import type { Cell } from './suppression.js';

/** A campaign target (the campaigns module owns the table; adoption shows the targets' progress). */
export type TargetRow = typeof campaignTargets.$inferSelect;

/** The targets of a province (and, with `includeNational`, the country's), as the campaigns module lists them. */
export interface TargetList {
  list(province?: string, includeNational?: boolean): Promise<TargetRow[]>;
}

/** The users a target asks for: a share of the area's population or smartphone users, or a number. */
export function targetUsers(target: Pick<TargetRow, 'kind' | 'share' | 'baseCount' | 'area'>): number | null {
  if (target.kind === 'absolute') return target.baseCount;
  if (target.share === null) return null;
  if (target.kind === 'smartphone_share')
    return target.baseCount === null ? null : Math.ceil(target.share * target.baseCount);
  const population = requireTargetArea(target.area).population;
  return population === null ? null : Math.ceil(target.share * population);
}

/**
 * A target with where the area stands: `current` (installs, suppressed like every count), what
 * remains, the days left until the deadline (inclusive) and the daily installs needed to meet it,
 * against the average of the last seven days. Suppressed counts leave the derived figures null.
 */
export function targetProgress(
  target: TargetRow,
  current: Cell,
  recentDailyAverage: number | null,
  today: string,
) {
  const area = requireTargetArea(target.area);
  const users = targetUsers(target);
  const daysLeft = Math.max(0, daysBetween(today, target.deadline) + 1);
  const remaining = users === null || current.value === null ? null : Math.max(0, users - current.value);
  const pace =
    remaining === null ? null : remaining === 0 ? 0 : daysLeft > 0 ? Math.ceil(remaining / daysLeft) : null;
  return {
    id: target.id,
    area: target.area,
    areaLevel: area.level,
    areaName: { vi: area.vi, en: area.en },
    province: target.province,
    kind: target.kind,
    share: target.share,
    baseCount: target.baseCount,
    deadline: target.deadline,
    label: target.label,
    targetUsers: users,
    current,
    reached:
      users === null || current.value === null ? null : Math.round((current.value / users) * 1e4) / 1e4,
    remaining,
    daysLeft,
    overdue: daysLeft === 0 && remaining !== null && remaining > 0,
    dailyPaceNeeded: pace,
    recentDailyAverage,
    onTrack: pace === null || recentDailyAverage === null ? null : recentDailyAverage >= pace,
  };
}

export type TargetProgress = ReturnType<typeof targetProgress>;
