import { AppError } from '../errors/app-error.js';
import { areaSet } from './area-set.loader.js';
import type { AreaSet, District, Province } from './area-set.types.js';

// The one check of a province or district code a request, a CSV line or the command line names: the
// areas the server counts in (the 63 provinces of 2020 and their districts, docs/areas.md), as the app
// and /v1/areas know them. Users, console codes, declarations, targets, organisations, links, adoption
// reports and imports all go through it, so no code outside the set reaches the database.

/** The area set of the console and of adoption: `vn-2020`, the one `/v1/areas` serves. */
export const configuredAreas = (): AreaSet => areaSet('vn-2020');

/** The province by ISO code, else 400 `unknown_province`. */
export function requireProvince(iso: string): Province {
  const province = configuredAreas().provinces.find((p) => p.code === iso);
  if (!province)
    throw new AppError(
      'unknown_province',
      `${JSON.stringify(iso.slice(0, 16))} is not a province of /v1/areas (e.g. VN-20 for Thái Bình).`,
    );
  return province;
}

/** A request's optional province: null when absent or blank, else its ISO code (else 400 `unknown_province`). */
export function optionalProvince(iso: string | null | undefined): string | null {
  const asked = iso?.trim().toUpperCase();
  return asked ? requireProvince(asked).code : null;
}

/** The district of that province by GSO code, else 400 `unknown_district`. */
export function requireDistrict(province: Province, code: string): District {
  const district = province.districts.find((d) => d.code === code);
  if (!district)
    throw new AppError(
      'unknown_district',
      `${JSON.stringify(code.slice(0, 16))} is not a district of ${province.code} (${province.en}).`,
    );
  return district;
}
