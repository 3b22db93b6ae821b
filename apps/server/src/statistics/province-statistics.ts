// Pure: per province, what F0 and F1 publish and what a phone watching the province downloads
// (issue 17), from the daily statistics rows and the recorded export files.

/** The `statistics_daily` metric of keys published per province (`kind`: "<province> <report type>"). */
export const KEYS_BY_PROVINCE_METRIC = 'keys_published_province';

const F0_TYPES = new Set(['CONFIRMED_TEST', 'CONFIRMED_CLINICAL_DIAGNOSIS']);

export interface ProvinceStatistics {
  province: string;
  f0Keys: number;
  f1Keys: number;
  /** Export bytes of the province's set over the range divided by its days. */
  bytesPerDay: number;
  /** bytesPerDay over the national set's; 0 when the national set wrote nothing. */
  shareOfNational: number;
}

export function provinceStatistics(
  provinces: readonly string[],
  national: string,
  days: number,
  daily: readonly { metric: string; kind: string; value: number }[],
  files: readonly { region: string; sizeBytes: number | null }[],
): { national: { bytesPerDay: number }; provinces: ProvinceStatistics[] } {
  const bytes = new Map<string, number>();
  for (const f of files) bytes.set(f.region, (bytes.get(f.region) ?? 0) + (f.sizeBytes ?? 0));
  const perDay = (set: string) => Math.round((bytes.get(set) ?? 0) / Math.max(1, days));
  const nationalPerDay = perDay(national);
  const keys = new Map(provinces.map((p) => [p, { f0: 0, f1: 0 }]));
  for (const row of daily) {
    if (row.metric !== KEYS_BY_PROVINCE_METRIC) continue;
    const [province = '', type = ''] = row.kind.split(' ');
    const counts = keys.get(province);
    if (!counts) continue;
    if (F0_TYPES.has(type)) counts.f0 += row.value;
    else if (type === 'RECURSIVE') counts.f1 += row.value;
  }
  return {
    national: { bytesPerDay: nationalPerDay },
    provinces: provinces.map((province) => {
      const bytesPerDay = perDay(province);
      return {
        province,
        f0Keys: keys.get(province)?.f0 ?? 0,
        f1Keys: keys.get(province)?.f1 ?? 0,
        bytesPerDay,
        shareOfNational:
          nationalPerDay > 0 ? Math.round((10_000 * bytesPerDay) / nationalPerDay) / 10_000 : 0,
      };
    }),
  };
}
