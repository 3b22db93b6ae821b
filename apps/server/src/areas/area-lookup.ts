import type { AreaSet, District, Province } from './area-set.types.js';

/** The province of a set by ISO 3166-2 code (`VN-20`), or undefined. */
export function provinceByIso(set: AreaSet, iso: string): Province | undefined {
  return set.provinces.find((p) => p.iso === iso);
}

/** The province of a set by its key (`code`: the ISO code where there is one). */
export function provinceByCode(set: AreaSet, code: string): Province | undefined {
  return set.provinces.find((p) => p.code === code);
}

/** True when `code` is a province of the set: a type guard for untrusted input (a request, a CSV). */
export function isProvinceCode(set: AreaSet, code: unknown): code is string {
  return typeof code === 'string' && set.provinces.some((p) => p.code === code);
}

/** The districts of a province (empty for an unknown one and for a set without districts). */
export function districtsOf(set: AreaSet, provinceCode: string): readonly District[] {
  return provinceByCode(set, provinceCode)?.districts ?? [];
}

/** The province a district belongs to, by district code. */
export function provinceOfDistrict(set: AreaSet, districtCode: string): Province | undefined {
  return set.provinces.find((p) => p.districts.some((d) => d.code === districtCode));
}

/**
 * The unit of `successor` that the predecessor's unit `code` went into (`successorOf(vn2025,
 * 'VN-20')` is Hưng Yên), or undefined when no unit lists it.
 */
export function successorOf(successor: AreaSet, code: string): Province | undefined {
  return successor.provinces.find((p) => p.formedFrom?.includes(code));
}
