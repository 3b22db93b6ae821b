/**
 * What the simulator needs to know about a place (a district or province): its people, households,
 * phones and app adoption. One data object per place; `THAI_BINH` is the default. Every figure says
 * where it comes from; "assumption" marks figures chosen by us where no published figure was used.
 */
export interface PlaceProfile {
  /** Display name. */
  readonly name: string;
  /** Its province's ISO 3166-2 code (`/v1/areas`): the province the health authority issues codes for. */
  readonly province: string;
  /** Share of people living in urban areas (wards, towns). */
  readonly urbanShare: number;
  /** Household size shares for 1, 2, … persons (the last bucket is "that many"). */
  readonly householdSizeShares: readonly number[];
  /** Age bands [from, to] (years, inclusive) with their share of the population. */
  readonly ageBands: readonly { readonly from: number; readonly to: number; readonly share: number }[];
  /** Share of people aged 15–64 who work outside home. */
  readonly employmentRate: number;
  /** Share of children of primary/lower-secondary age (6–14) and upper-secondary age (15–17) at school. */
  readonly schoolEnrolment: { readonly primary: number; readonly upperSecondary: number };
  /** Smartphone ownership by age band label, rural and urban. */
  readonly smartphoneOwnership: {
    readonly child: number;
    readonly teen: number;
    readonly adult: number;
    readonly elder: number;
    readonly urbanFactor: number;
  };
  /** Share of smartphones that are iPhones (the rest are Android models of the calibration table). */
  readonly iphoneShare: number;
  /** Android market shares by manufacturer (calibration-table `oem`, or a name it lacks → fallback). */
  readonly androidMakerShares: Readonly<Record<string, number>>;
  /** People per commune (xã/phường): the unit that shares schools and a market. */
  readonly communeSize: number;
  /** People per market, workers per workplace (mean), pupils per school, pupils per class. */
  readonly peoplePerMarket: number;
  readonly meanWorkplaceSize: number;
  readonly schoolSize: number;
  readonly classSize: number;
  /** Share of workers and pupils commuting by bus (the rest by motorbike, bicycle, on foot). */
  readonly busShare: number;
  /** Share of workers whose workplace is outside their commune. */
  readonly workOutsideCommune: number;
}

/**
 * Thái Bình province (rural Red River Delta), 2019–2020.
 * - urban share ≈ 10 % (2019 Population and Housing Census: Thái Bình is among the least urbanised
 *   provinces; rounded).
 * - household sizes: the census mean is 3.5 persons per household nationally (2019 census); the
 *   shares per size are an assumption that reproduces that mean (mean of these shares: 3.5).
 * - ages: national 2019 census structure, 0–14 24.3 %, 15–64 68.0 %, 65+ 7.7 %, split into bands.
 * - employment 75 % of 15–64 (assumption near the labour-force participation rate reported by GSO).
 * - schools, classes, markets, buses, phones: assumptions stated in docs/simulator.md.
 */
export const THAI_BINH: PlaceProfile = Object.freeze({
  name: 'Thái Bình',
  province: 'VN-20',
  urbanShare: 0.1,
  householdSizeShares: [0.11, 0.19, 0.2, 0.26, 0.13, 0.07, 0.04],
  ageBands: [
    { from: 0, to: 5, share: 0.1 },
    { from: 6, to: 14, share: 0.143 },
    { from: 15, to: 17, share: 0.045 },
    { from: 18, to: 39, share: 0.33 },
    { from: 40, to: 64, share: 0.305 },
    { from: 65, to: 90, share: 0.077 },
  ],
  employmentRate: 0.75,
  schoolEnrolment: { primary: 0.98, upperSecondary: 0.75 },
  smartphoneOwnership: { child: 0, teen: 0.45, adult: 0.7, elder: 0.25, urbanFactor: 1.2 },
  iphoneShare: 0.2,
  androidMakerShares: {
    samsung: 0.4,
    oppo: 0.2,
    xiaomi: 0.12,
    vivo: 0.08,
    nokia: 0.06,
    huawei: 0.04,
    other: 0.1,
  },
  communeSize: 7000,
  peoplePerMarket: 3500,
  meanWorkplaceSize: 12,
  schoolSize: 600,
  classSize: 40,
  busShare: 0.05,
  workOutsideCommune: 0.3,
});
