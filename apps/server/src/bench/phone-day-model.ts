// Pure: the national day of issue 17's phone-day benchmark (docs/scale.md, "The phone's day"): how
// many F0 and F1 codes each province gets, and which publishes declare another province.

/** Cases the Ministry of Health reported on 16 September 2021, by province (docs/scale.md cites it). */
export const CASES_2021_09_16 = {
  total: 10_482,
  named: { 'VN-SG': 5_735, 'VN-57': 2_998, 'VN-39': 567, 'VN-41': 281, 'VN-47': 198, 'VN-44': 126 },
  /** Provinces with 1–99 cases that day (their 577 cases), and provinces with none. */
  smallProvinces: 31,
  provincesWithNone: 26,
} as const;

export interface PhoneDayModel {
  /** F0 codes a day, nationally (issue 10's load model). */
  readonly f0PerDay: number;
  /** F1 (recursive) codes per F0, each in its F0's province. */
  readonly f1PerF0: number;
  /** Keys an F0 and an F1 publish. */
  readonly f0Keys: number;
  readonly f1Keys: number;
  /** Share of publishes (F0 and F1 alike) that declare one province other than home. */
  readonly declaringShare: number;
}

/** Issue 10's national day (docs/scale.md): 15,000 F0 × 14 keys, 20 F1 each × 4 keys; 5 % declare. */
export const NATIONAL_PHONE_DAY: PhoneDayModel = {
  f0PerDay: 15_000,
  f1PerF0: 20,
  f0Keys: 14,
  f1Keys: 4,
  declaringShare: 0.05,
};

export interface ProvinceWeight {
  readonly code: string;
  readonly population: number;
}

/**
 * F0 codes a day per province: the 16 September 2021 distribution scaled to `f0PerDay`. The six named
 * provinces keep their counts (scaled); the 577 other cases go to the 31 most populous of the other
 * provinces in proportion to population (an assumption: the bulletin's small counts are not used
 * province by province), the remaining 26 get none. Whole codes, the rounding remainder to the
 * largest province, so the total is exactly `f0PerDay`.
 */
export function f0ByProvince(provinces: readonly ProvinceWeight[], f0PerDay: number): Map<string, number> {
  const scale = f0PerDay / CASES_2021_09_16.total;
  const named = CASES_2021_09_16.named as Record<string, number>;
  const out = new Map<string, number>(provinces.map((p) => [p.code, 0]));
  for (const [code, cases] of Object.entries(named)) {
    if (!out.has(code)) throw new Error(`phone-day model: ${code} is not a province of the area set`);
    out.set(code, Math.round(cases * scale));
  }
  const namedCases = Object.values(named).reduce((a, b) => a + b, 0);
  const rest = provinces
    .filter((p) => !(p.code in named))
    .sort((a, b) => b.population - a.population || a.code.localeCompare(b.code))
    .slice(0, CASES_2021_09_16.smallProvinces);
  const restPopulation = rest.reduce((n, p) => n + p.population, 0);
  const restCases = (CASES_2021_09_16.total - namedCases) * scale;
  for (const p of rest) out.set(p.code, Math.round((restCases * p.population) / restPopulation));
  const sum = [...out.values()].reduce((a, b) => a + b, 0);
  out.set('VN-SG', (out.get('VN-SG') ?? 0) + f0PerDay - sum);
  return out;
}

/** A small deterministic generator (mulberry32): the same day every run. */
export function seededUniform(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * The province a declaring publish names besides home: any other province, drawn in proportion to
 * population (travel and work go where people are). Pure given `uniform`.
 */
export function declaredProvince(
  provinces: readonly ProvinceWeight[],
  home: string,
  uniform: () => number,
): string {
  const others = provinces.filter((p) => p.code !== home);
  const total = others.reduce((n, p) => n + p.population, 0);
  let x = uniform() * total;
  for (const p of others) {
    x -= p.population;
    if (x < 0) return p.code;
  }
  return (others.at(-1) as ProvinceWeight).code;
}
