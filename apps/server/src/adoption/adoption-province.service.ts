import { requireProvince } from '../areas/area-codes.js';
import { addDays, utcDay } from './adoption-areas.js';
import { nationalAdoption } from './adoption-national.service.js';
import type { AdoptionReadRepository } from './adoption-read.repository.js';
import { dailySeries } from './adoption-series.js';
import { type Cell, hidden, MIN_CELL, suppressGroup } from './suppression.js';
import { type TargetList, targetProgress } from './target-progress.js';

export interface CampaignNames {
  organisations(province: string): Promise<{ code: string; name: string; type: string }[]>;
  links(province: string): Promise<{ code: string; channel: string; label: string }[]>;
}

/** What the adoption pages show of the campaigns module (its tables): names of codes, and targets. */
export interface CampaignSources {
  readonly names: CampaignNames;
  readonly targets: TargetList;
}

/** Named cells of a group plus the cell of "none" (installs without that dimension). */
function grouped<T extends { key: string }>(items: readonly T[], counts: Map<string, number>) {
  const { cells, total } = suppressGroup([...items.map((i) => counts.get(i.key) ?? 0), counts.get('') ?? 0]);
  return {
    total,
    items: items.map((item, i) => ({ ...item, installs: cells[i] as Cell })),
    none: cells[items.length] as Cell,
  };
}

/** Average installs a day over the seven days before today; null when they add up to less than MIN_CELL. */
export function recentAverage(
  series: readonly { day: string; value: number }[],
  today: string,
): number | null {
  const from = addDays(today, -7);
  const sum = series.filter((p) => p.day >= from && p.day < today).reduce((a, p) => a + p.value, 0);
  return sum < MIN_CELL ? null : Math.round((sum / 7) * 10) / 10;
}

/** One province: districts, organisations, channels, the daily series and its targets' progress. */
export async function provinceAdoption(
  reads: AdoptionReadRepository,
  { targets, names }: CampaignSources,
  iso: string,
  now: Date,
) {
  const province = requireProvince(iso);
  const today = utcDay(now);
  const national = await nationalAdoption(reads, now);
  const own = national.provinces.find((p) => p.iso === iso);
  const filter = { province: iso };
  const [districts, organisations, channels, orgNames, linkNames, series, imported, rows] = await Promise.all(
    [
      reads.countsBy('district', filter),
      reads.countsBy('organisation', filter),
      reads.countsBy('channel', filter),
      names.organisations(iso),
      names.links(iso),
      dailySeries(reads, iso, today),
      reads.importedBy('province', filter),
      targets.list(iso),
    ],
  );
  const map = (rows: { key: string; installs: number }[]) => new Map(rows.map((r) => [r.key, r.installs]));
  const districtCells = grouped(
    province.districts.map((d) => ({
      key: d.code,
      code: d.code,
      vi: d.vi,
      en: d.en,
      population: d.population ?? null,
    })),
    map(districts),
  );
  const orgCells = grouped(
    orgNames.map((o) => ({ key: o.code, ...o })),
    map(organisations),
  );
  const linkCells = grouped(
    linkNames.map((l) => ({ key: l.code, ...l })),
    map(channels),
  );
  const average = recentAverage(series.raw, today);
  const districtOf = new Map(districtCells.items.map((d) => [d.code, d.installs]));
  const strip = <T extends { key: string }>({ key: _key, ...rest }: T) => rest;
  return {
    asOf: today,
    province: { iso, vi: province.vi, en: province.en, population: province.population },
    installs: own?.installs ?? hidden,
    appInstalls: districtCells.total,
    active: own?.active ?? hidden,
    activeDay: national.activeDay,
    adoptionRate: own?.adoptionRate ?? null,
    rankLabel: own?.rankLabel ?? null,
    districts: districtCells.items.map(strip),
    noDistrict: districtCells.none,
    organisations: orgCells.items.map(strip),
    noOrganisation: orgCells.none,
    channels: linkCells.items.map(strip),
    noChannel: linkCells.none,
    sources: imported.map((r) => ({ source: r.source, installs: suppressGroup([r.installs]).total })),
    series: series.points,
    targets: rows.map((t) =>
      targetProgress(
        t,
        (t.area === iso ? own?.installs : districtOf.get(t.area)) ?? { value: null, suppressed: true },
        t.area === iso ? average : null,
        today,
      ),
    ),
  };
}
