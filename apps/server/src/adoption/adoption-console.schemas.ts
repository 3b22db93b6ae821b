import { type TSchema, Type } from 'typebox';

// Answers of the console's adoption routes. Every count is a Cell: null and `suppressed: true` below 10.

export const CellSchema = Type.Object(
  { value: Type.Union([Type.Integer(), Type.Null()]), suppressed: Type.Boolean() },
  { description: 'A count; `value` is null and `suppressed` true when it is below 10 (docs/privacy.md).' },
);
const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Rate = Nullable(Type.Number({ description: 'installs / population, 0-1; null when suppressed.' }));
const Names = { vi: Type.String(), en: Type.String() };
const Brief = Type.Object({
  iso: Type.String(),
  ...Names,
  adoptionRate: Rate,
  rankLabel: Type.Union([Type.String(), Type.Null()]),
});

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
  top: Type.Array(Brief),
  bottom: Type.Array(Brief),
  sources: Type.Array(Source),
});

export const SeriesPointSchema = Type.Object({
  day: Type.String(),
  value: Nullable(Type.Integer({ description: 'Installs released this day (may include deferred days).' })),
  suppressed: Type.Boolean(),
  cumulative: Type.Integer(),
});

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

export const FormatQuerySchema = Type.Object({
  format: Type.Optional(
    Type.Union([Type.Literal('json'), Type.Literal('csv')], {
      description: '`csv`: the table as CSV (default `json`).',
    }),
  ),
});

export const TimeseriesQuerySchema = Type.Object({
  province: Type.Optional(
    Type.String({ maxLength: 16, description: 'ISO code; absent: the whole country.' }),
  ),
});

export const TimeseriesSchema = Type.Object({
  area: Type.String({ description: '`VN` or the province.' }),
  asOf: Type.String(),
  series: Type.Array(SeriesPointSchema),
  targets: Type.Array(TargetProgressSchema),
});

export const ImportRequestSchema = Type.Object({
  csv: Type.String({
    maxLength: 4_000_000,
    description: '`date,province,district,source,installs[,active]`',
  }),
});

export const ImportProblemSchema = Type.Object({
  line: Type.Integer(),
  column: Type.Union([Type.String(), Type.Null()]),
  message: Type.String(),
});

export const ImportAnswerSchema = Type.Object({
  imported: Type.Integer({
    description: 'Lines stored (a line for the same source, day and area replaces the old one).',
  }),
  sources: Type.Array(Type.String()),
});

export const ImportErrorSchema = Type.Object({
  error: Type.String(),
  errorCode: Type.String(),
  errors: Type.Optional(Type.Array(ImportProblemSchema)),
  lockedUntil: Type.Optional(Type.String()),
});
