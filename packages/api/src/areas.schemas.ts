import { type Static, Type } from 'typebox';

// `GET /v1/areas` and `GET /v1/areas/2025`: Viet Nam's administrative units (docs/areas.md).

const Meta = {
  id: Type.String({ description: 'The data file, e.g. `vn-2020`.' }),
  version: Type.String(),
  asOf: Type.String({ description: 'The day the set describes (YYYY-MM-DD).' }),
  populationDate: Type.String({ description: 'Census day of `population` (YYYY-MM-DD).' }),
};
const Name = { vi: Type.String(), en: Type.String() };

export const Areas2020Schema = Type.Object({
  ...Meta,
  provinces: Type.Array(
    Type.Object({
      iso: Type.String({ description: 'ISO 3166-2 code, e.g. `VN-20`.' }),
      ...Name,
      population: Type.Integer({ description: '2019 census.' }),
      districts: Type.Array(Type.Object({ code: Type.String({ description: 'GSO code.' }), ...Name })),
    }),
  ),
});
export type Areas2020 = Static<typeof Areas2020Schema>;
export type AreaProvince = Areas2020['provinces'][number];
export type AreaDistrict = AreaProvince['districts'][number];

export const Areas2025Schema = Type.Object({
  ...Meta,
  districtsAbolished: Type.Boolean(),
  provinces: Type.Array(
    Type.Object({
      code: Type.String({ description: 'National provincial code of 2025, e.g. `33`.' }),
      ...Name,
      population: Type.Integer({ description: 'Sum of its 2020 provinces in the 2019 census.' }),
      formedFrom: Type.Array(Type.String(), { description: 'ISO codes of the 2020 provinces.' }),
    }),
  ),
});
export type Areas2025 = Static<typeof Areas2025Schema>;
