import type { Config } from '../config/config.types.js';

// Which export sets the worker writes (docs/decisions/0012): one per health authority's region (the
// national set `VN` keeps every key of its region), and one per province of the configured area set,
// made of the national region's keys whose provinces name it, signed with the national set's keys.

export interface ExportSet {
  /** What the files' header `region` says and the folder they live in: `VN`, `VN-20`. */
  readonly code: string;
  /** The `exposures.region` the set's keys come from. */
  readonly region: string;
  /** The province whose keys make the set; undefined: every key of the region. */
  readonly province?: string;
  /** The health authority whose export keys sign the set. */
  readonly healthAuthorityId: string;
  /** Length of the set's batches (fixed per set, so windows stay unique: exactly once). */
  readonly intervalMs: number;
}

/**
 * The sets of a pass: each authority's region, then, when the national authority (`config.region`)
 * exists, every province of `provinces`, in order. Pure.
 */
export function planExportSets(
  authorities: readonly { readonly region: string; readonly healthAuthorityId: string }[],
  provinces: readonly string[],
  config: Pick<Config, 'region' | 'exportInterval' | 'exportProvinceInterval'>,
): ExportSet[] {
  const sets: ExportSet[] = authorities.map((a) => ({
    code: a.region,
    region: a.region,
    healthAuthorityId: a.healthAuthorityId,
    intervalMs: config.exportInterval,
  }));
  const national = authorities.find((a) => a.region === config.region);
  if (!national) return sets;
  const taken = new Set(sets.map((s) => s.code));
  for (const province of provinces) {
    if (taken.has(province)) continue;
    sets.push({
      code: province,
      region: national.region,
      province,
      healthAuthorityId: national.healthAuthorityId,
      intervalMs: config.exportProvinceInterval,
    });
  }
  return sets;
}
