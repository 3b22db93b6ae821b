/**
 * Administrative units as data (docs/areas.md): one JSON file per country and reorganisation in
 * apps/server/data/areas/, read and checked by `loadAreaSet`. Nothing about a country is code.
 */

/** A first-level unit: `municipality` is a centrally governed city (thành phố trực thuộc trung ương). */
export type ProvinceType = 'province' | 'municipality';

/** quận, huyện, thị xã, thành phố thuộc tỉnh. */
export type DistrictType = 'urban-district' | 'rural-district' | 'town' | 'city';

export interface District {
  /** Stable code, unique in the set (Viet Nam: the GSO district code, e.g. `336`). */
  readonly code: string;
  readonly vi: string;
  readonly en: string;
  readonly type: DistrictType;
  readonly population?: number;
}

export interface Province {
  /** The set's key for the unit: the ISO 3166-2 code where one exists (`VN-20`). */
  readonly code: string;
  /** ISO 3166-2 code, or null where ISO has not assigned one yet (the 2025 units). */
  readonly iso: string | null;
  /** The national statistical office's code (Viet Nam: GSO, e.g. `34`). */
  readonly gsoCode: string;
  readonly vi: string;
  readonly en: string;
  readonly type: ProvinceType;
  /** Residents on the set's `populationDate` (for a successor set: the sum of its parts then). */
  readonly population: number;
  /** Why a figure differs from what some sources say, where it does. */
  readonly populationNote?: string;
  /** For a successor set: the codes, in the predecessor set, of the units this one was formed from. */
  readonly formedFrom?: readonly string[];
  readonly districts: readonly District[];
}

export interface AreaSource {
  readonly title: string;
  readonly publisher: string;
  readonly url: string;
  readonly date: string;
  readonly licence: string;
  readonly usedFor: string;
}

export type AreaLevel = 'province' | 'district';

export interface AreaSet {
  /** `vn-2020`: the file's name without `.json`. */
  readonly id: string;
  readonly version: string;
  /** ISO 3166-1 alpha-2. */
  readonly country: string;
  readonly title: string;
  /** The day the set describes (YYYY-MM-DD). */
  readonly asOf: string;
  readonly validFrom: string;
  readonly validUntil: string | null;
  readonly levels: readonly AreaLevel[];
  /** True where the country has no district level any more (Viet Nam from 1 July 2025). */
  readonly districtsAbolished?: boolean;
  /** The set this one replaced; every unit of it maps to exactly one unit here (`formedFrom`). */
  readonly predecessor?: string;
  readonly populationDate: string;
  /** The published national total; the provinces must add up to it. */
  readonly populationTotal: number;
  readonly notes: readonly string[];
  readonly sources: readonly AreaSource[];
  readonly provinces: readonly Province[];
}

/** One problem in a data file, with the JSON path of the value (e.g. `$.provinces[3].iso`). */
export interface AreaProblem {
  readonly path: string;
  readonly message: string;
}
