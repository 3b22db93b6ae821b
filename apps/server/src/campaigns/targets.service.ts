import { assertProvinceAccess, type ConsoleUser } from '../accounts/roles.js';
import { isCalendarDay, requireTargetArea, utcDay } from '../adoption/adoption-areas.js';
import { nationalAdoption } from '../adoption/adoption-national.service.js';
import { recentAverage } from '../adoption/adoption-province.service.js';
import type { AdoptionReadRepository } from '../adoption/adoption-read.repository.js';
import { dailySeries } from '../adoption/adoption-series.js';
import { type Cell, hidden, suppressGroup } from '../adoption/suppression.js';
import { type TargetProgress, targetProgress, targetUsers } from '../adoption/target-progress.js';
import { requireProvince } from '../areas/area-codes.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { Clock } from '../clock.js';
import type { Database } from '../database/database.types.js';
import type { TargetKind } from '../database/schema.js';
import { AppError } from '../errors/app-error.js';
import type { TargetRepository, TargetRow, TargetValues } from './targets.repository.js';

export interface TargetInput {
  readonly area: string;
  readonly kind: TargetKind;
  readonly share?: number | undefined;
  readonly baseCount?: number | undefined;
  readonly deadline: string;
  readonly label?: string | undefined;
}

const invalid = (message: string) => new AppError('invalid_target', message);

/** Checks a target and the user's right to set it: national any area, a province officer their own. */
export function checkTarget(user: ConsoleUser, input: TargetInput): TargetValues {
  const area = requireTargetArea(input.area);
  assertProvinceAccess(user, area.province);
  const { kind, share, baseCount } = input;
  if (!isCalendarDay(input.deadline)) throw invalid('The deadline must be a day as YYYY-MM-DD.');
  if (kind === 'absolute' && (baseCount === undefined || share !== undefined))
    throw invalid('An absolute target gives baseCount (the number of users) and no share.');
  if (kind !== 'absolute' && (share === undefined || share <= 0 || share > 1))
    throw invalid('A share target gives share, above 0 and at most 1 (0.6 for 60 %).');
  if (kind === 'smartphone_share' && baseCount === undefined)
    throw invalid('A share of smartphone users gives baseCount: the smartphone users of the area.');
  if (kind === 'population_share' && baseCount !== undefined)
    throw invalid('A share of the population takes no baseCount: the population comes from /v1/areas.');
  if (kind === 'population_share' && area.population === null)
    throw invalid(`No population is known for ${area.code}: give an absolute target or a smartphone share.`);
  const values: TargetValues = {
    area: area.code,
    province: area.province,
    kind,
    share: share ?? null,
    baseCount: baseCount ?? null,
    deadline: input.deadline,
    label: input.label ?? '',
  };
  if (targetUsers(values) === null) throw invalid('The target gives no number of users.');
  return values;
}

/** Targets with their progress; the current counts are the console's suppressed cells. */
export async function progressOf(
  reads: AdoptionReadRepository,
  rows: readonly TargetRow[],
  now: Date,
): Promise<TargetProgress[]> {
  if (rows.length === 0) return [];
  const today = utcDay(now);
  const national = await nationalAdoption(reads, now);
  const districts = new Map<string, Map<string, Cell>>();
  const averages = new Map<string, number | null>();
  const result: TargetProgress[] = [];
  for (const row of rows) {
    const area = requireTargetArea(row.area);
    let current: Cell = hidden;
    let average: number | null = null;
    if (area.level === 'district' && area.province) {
      if (!districts.has(area.province)) {
        // The same group as the province page: every district and the installs of no district.
        const counts = await reads.countsBy('district', { province: area.province });
        const byKey = new Map(counts.map((c) => [c.key, c.installs]));
        const keys = [...requireProvince(area.province).districts.map((d) => d.code), ''];
        const { cells } = suppressGroup(keys.map((k) => byKey.get(k) ?? 0));
        districts.set(area.province, new Map(keys.map((k, i) => [k, cells[i] ?? hidden])));
      }
      current = districts.get(area.province)?.get(area.code) ?? hidden;
    } else {
      current =
        area.level === 'country'
          ? national.total.installs
          : (national.provinces.find((p) => p.iso === area.code)?.installs ?? hidden);
      if (!averages.has(area.code))
        averages.set(
          area.code,
          recentAverage((await dailySeries(reads, area.province ?? undefined, today)).raw, today),
        );
      average = averages.get(area.code) ?? null;
    }
    result.push(targetProgress(row, current, average, today));
  }
  return result;
}

/** Writes the audit entry of a target change. */
export function auditTarget(
  db: Database,
  clock: Clock,
  user: ConsoleUser,
  action: string,
  target: TargetRow,
) {
  return recordAudit(
    db,
    {
      actor: user,
      action,
      target: target.id,
      province: target.province,
      details: {
        area: target.area,
        kind: target.kind,
        share: target.share,
        baseCount: target.baseCount,
        deadline: target.deadline,
      },
    },
    clock.now(),
  );
}

export async function requireTarget(
  targets: TargetRepository,
  user: ConsoleUser,
  id: string,
): Promise<TargetRow> {
  const row = /^[0-9a-f-]{36}$/i.test(id) ? await targets.get(id) : undefined;
  if (!row) throw new AppError('target_not_found');
  assertProvinceAccess(user, row.province);
  return row;
}
