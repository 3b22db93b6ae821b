import { addDays, adoptionAreas, NATIONAL_TARGET_USERS, utcDay } from './adoption-areas.js';
import type { AdoptionReadRepository } from './adoption-read.repository.js';
import { type Cell, cell, suppressGroup } from './suppression.js';

export interface ProvinceAdoption {
  readonly iso: string;
  readonly vi: string;
  readonly en: string;
  readonly population: number;
  /** The best count: the larger of the app's own reports and each import source's total. */
  readonly installs: Cell;
  /** Phones that sent "still active" on `activeDay`. */
  readonly active: Cell;
  readonly adoptionRate: number | null;
  readonly rank: number | null;
  readonly rankLabel: string | null;
}

const rate = (c: Cell, population: number) =>
  c.value === null || population <= 0 ? null : Math.round((c.value / population) * 1e6) / 1e6;

/** Installs, active phones and adoption rate by province, ranked by rate; small cells suppressed. */
export async function nationalAdoption(reads: AdoptionReadRepository, now: Date) {
  const set = adoptionAreas();
  const today = utcDay(now);
  const activeDay = addDays(today, -1);
  const [app, imported, activeRows, importedActive] = await Promise.all([
    reads.countsBy('province'),
    reads.importedBy('province'),
    reads.countsBy('province', { from: activeDay, to: activeDay }),
    reads.importedBy('province', { from: activeDay, to: activeDay }),
  ]);
  const appOf = new Map(app.map((r) => [r.key, r.installs]));
  const activeOf = new Map(activeRows.map((r) => [r.key, r.active]));
  const best = new Map(appOf);
  for (const r of imported) best.set(r.key, Math.max(best.get(r.key) ?? 0, r.installs));
  for (const r of importedActive) activeOf.set(r.key, Math.max(activeOf.get(r.key) ?? 0, r.active));

  const codes = set.provinces.map((p) => p.code);
  // Installs and active phones are two tables of their own (neither can be derived from the other).
  const installs = suppressGroup(codes.map((c) => best.get(c) ?? 0));
  const active = suppressGroup(codes.map((c) => activeOf.get(c) ?? 0));
  const appTotal = cell(codes.reduce((sum, c) => sum + (appOf.get(c) ?? 0), 0));

  const rows = set.provinces.map((p, i) => {
    const own = installs.cells[i] as Cell;
    return {
      iso: p.code,
      vi: p.vi,
      en: p.en,
      population: p.population,
      installs: own,
      active: active.cells[i] as Cell,
      adoptionRate: rate(own, p.population),
    };
  });
  const ranked = rows
    .filter((r) => r.adoptionRate !== null)
    .sort((a, b) => (b.adoptionRate ?? 0) - (a.adoptionRate ?? 0) || a.iso.localeCompare(b.iso));
  const rankOf = new Map(ranked.map((r, i) => [r.iso, i + 1]));
  const provinces: ProvinceAdoption[] = rows.map((r) => {
    const rank = rankOf.get(r.iso) ?? null;
    return { ...r, rank, rankLabel: rank === null ? null : `${rank}/${rows.length}` };
  });
  const brief = (r: ProvinceAdoption) => ({
    iso: r.iso,
    vi: r.vi,
    en: r.en,
    adoptionRate: r.adoptionRate,
    rankLabel: r.rankLabel,
  });
  const sources = new Map<string, number>();
  for (const r of imported) sources.set(r.source, (sources.get(r.source) ?? 0) + r.installs);
  const byRank = (iso: string) => provinces.find((p) => p.iso === iso) as ProvinceAdoption;

  return {
    asOf: today,
    activeDay,
    total: {
      population: set.populationTotal,
      installs: installs.total,
      appInstalls: appTotal,
      active: active.total,
      adoptionRate: rate(installs.total, set.populationTotal),
    },
    nationalTarget: {
      users: NATIONAL_TARGET_USERS,
      reached:
        installs.total.value === null
          ? null
          : Math.round((installs.total.value / NATIONAL_TARGET_USERS) * 1e6) / 1e6,
      remaining:
        installs.total.value === null ? null : Math.max(0, NATIONAL_TARGET_USERS - installs.total.value),
    },
    provinces,
    top: ranked.slice(0, 5).map((r) => brief(byRank(r.iso))),
    bottom: ranked
      .slice(-5)
      .reverse()
      .map((r) => brief(byRank(r.iso))),
    sources: [...sources].map(([source, value]) => ({ source, installs: cell(value) })),
  };
}

export type NationalAdoption = Awaited<ReturnType<typeof nationalAdoption>>;
