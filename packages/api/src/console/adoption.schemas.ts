import { type Static, Type } from 'typebox';
import { MultilineText } from '../text.schemas.js';
import { Names, Nullable, ProvinceText } from './console-common.schemas.js';

// Answers of the console's adoption routes (docs/api.md, "Adoption, campaigns, statistics"). Every
// count is a Cell: null and `suppressed: true` below 10.

export const CellSchema = Type.Object(
  { value: Type.Union([Type.Integer(), Type.Null()]), suppressed: Type.Boolean() },
  { description: 'A count; `value` is null and `suppressed` true when it is below 10 (docs/privacy.md).' },
);
export type Cell = Static<typeof CellSchema>;

const Rate = Nullable(Type.Number({ description: 'installs / population, 0-1; null when suppressed.' }));

export const ProvinceBriefSchema = Type.Object({
  iso: Type.String(),
  ...Names,
  adoptionRate: Rate,
  rankLabel: Type.Union([Type.String(), Type.Null()]),
});
export type ProvinceBrief = Static<typeof ProvinceBriefSchema>;

export const ProvinceRowSchema = Type.Object({
  iso: Type.String(),
  ...Names,
  population: Type.Integer(),
  installs: CellSchema,
  active: CellSchema,
  adoptionRate: Rate,
  rank: Nullable(Type.Integer()),
  rankLabel: Type.Union([Type.String({ description: 'e.g. `17/63`' }), Type.Null()]),
});
export type ProvinceRow = Static<typeof ProvinceRowSchema>;

const Source = Type.Object({ source: Type.String(), installs: CellSchema });

export const NationalAdoptionSchema = Type.Object({
  asOf: Type.String(),
  activeDay: Type.String({ description: 'The UTC day `active` counts (yesterday).' }),
  total: Type.Object({
    population: Type.Integer(),
    installs: CellSchema,
    appInstalls: CellSchema,
    active: CellSchema,
    adoptionRate: Rate,
  }),
  nationalTarget: Type.Object({
    users: Type.Integer({ description: '50,000,000.' }),
    reached: Rate,
    remaining: Nullable(Type.Integer()),
  }),
  provinces: Type.Array(ProvinceRowSchema),
  top: Type.Array(ProvinceBriefSchema),
  bottom: Type.Array(ProvinceBriefSchema),
  sources: Type.Array(Source),
});
export type NationalAdoption = Static<typeof NationalAdoptionSchema>;

export const SeriesPointSchema = Type.Object({
  day: Type.String(),
  value: Nullable(Type.Integer({ description: 'Installs released this day (may include deferred days).' })),
  suppressed: Type.Boolean(),
  cumulative: Type.Integer(),
});
export type SeriesPoint = Static<typeof SeriesPointSchema>;

export const TargetProgressSchema = Type.Object({
  id: Type.String(),
  area: Type.String(),
  areaLevel: Type.String(),
  areaName: Type.Object(Names),
  province: Type.Union([Type.String(), Type.Null()]),
  kind: Type.String(),
  share: Nullable(Type.Number()),
  baseCount: Nullable(Type.Integer()),
  deadline: Type.String(),
  label: Type.String(),
  targetUsers: Nullable(Type.Integer()),
  current: CellSchema,
  reached: Nullable(Type.Number()),
  remaining: Nullable(Type.Integer()),
  daysLeft: Type.Integer(),
  overdue: Type.Boolean(),
  dailyPaceNeeded: Nullable(Type.Integer()),
  recentDailyAverage: Nullable(Type.Number()),
  onTrack: Type.Union([Type.Boolean(), Type.Null()]),
});
export type TargetProgress = Static<typeof TargetProgressSchema>;

export const ProvinceAdoptionSchema = Type.Object({
  asOf: Type.String(),
  province: Type.Object({ iso: Type.String(), ...Names, population: Type.Integer() }),
  installs: CellSchema,
  appInstalls: CellSchema,
  active: CellSchema,
  activeDay: Type.String(),
  adoptionRate: Rate,
  rankLabel: Type.Union([Type.String(), Type.Null()]),
  districts: Type.Array(
    Type.Object({
      code: Type.String(),
      ...Names,
      population: Nullable(Type.Integer()),
      installs: CellSchema,
    }),
  ),
  noDistrict: CellSchema,
  organisations: Type.Array(
    Type.Object({ code: Type.String(), name: Type.String(), type: Type.String(), installs: CellSchema }),
  ),
  noOrganisation: CellSchema,
  channels: Type.Array(
    Type.Object({ code: Type.String(), channel: Type.String(), label: Type.String(), installs: CellSchema }),
  ),
  noChannel: CellSchema,
  sources: Type.Array(Source),
  series: Type.Array(SeriesPointSchema),
  targets: Type.Array(TargetProgressSchema),
});
export type ProvinceAdoption = Static<typeof ProvinceAdoptionSchema>;

export const FormatQuerySchema = Type.Object({
  format: Type.Optional(
    Type.Union([Type.Literal('json'), Type.Literal('csv')], {
      description: '`csv`: the table as CSV (default `json`).',
    }),
  ),
});

export const TimeseriesQuerySchema = Type.Object({
  province: Type.Optional(ProvinceText('ISO code; absent: the whole country.')),
});

export const TimeseriesSchema = Type.Object({
  area: Type.String({ description: '`VN` or the province.' }),
  asOf: Type.String(),
  series: Type.Array(SeriesPointSchema),
  targets: Type.Array(TargetProgressSchema),
});
export type Timeseries = Static<typeof TimeseriesSchema>;

export const ImportRequestSchema = Type.Object({
  csv: MultilineText({
    maxLength: 4_000_000,
    description: '`date,province,district,source,installs[,active]`',
  }),
});

export const ImportProblemSchema = Type.Object({
  line: Type.Integer(),
  column: Type.Union([Type.String(), Type.Null()]),
  message: Type.String(),
});
export type ImportProblem = Static<typeof ImportProblemSchema>;

export const ImportAnswerSchema = Type.Object({
  imported: Type.Integer({
    description: 'Lines stored (a line for the same source, day and area replaces the old one).',
  }),
  sources: Type.Array(Type.String()),
});
export type ImportAnswer = Static<typeof ImportAnswerSchema>;

export const ImportErrorSchema = Type.Object({
  error: Type.String(),
  errorCode: Type.String(),
  errors: Type.Optional(Type.Array(ImportProblemSchema)),
  lockedUntil: Type.Optional(Type.String()),
});

/** `/console/api/adoption/provinces/{iso}`. */
export const ProvinceParamsSchema = Type.Object({ iso: ProvinceText('ISO code, e.g. `VN-20`.') });
