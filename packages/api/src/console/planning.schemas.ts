import { type Static, Type } from 'typebox';
import { Nullable, ProvinceText } from './console-common.schemas.js';

// The console's "What adoption buys" panel (docs/planner.md, "In the console"; docs/api.md).

/** The epidemic regimes of the panel: OpenABM's baseline (a fast epidemic) and near the threshold. */
export const CURVE_REGIME_NAMES = ['baseline', 'near-threshold'] as const;
export type CurveRegimeName = (typeof CURVE_REGIME_NAMES)[number];

export const AdoptionCurveQuerySchema = Type.Object({
  area: Type.Optional(ProvinceText('`VN` (the country) or a province, e.g. `VN-20`; default `VN`.')),
  regime: Type.Optional(
    Type.Union([Type.Literal('baseline'), Type.Literal('near-threshold')], {
      description:
        "`baseline`: OpenABM-Covid19's baseline, a fast epidemic (default); `near-threshold`: occupation and random transmission × 0.2. Only national administrators and analysts may choose.",
    }),
  ),
});

const SpreadSchema = Type.Object(
  { mean: Type.Number(), min: Type.Number(), max: Type.Number() },
  { description: 'Mean and range over the seeds.' },
);

export const AdoptionCurvePointSchema = Type.Object({
  adoption: Type.Number({ description: 'Share of people with the app, 0–1.' }),
  cutF1: SpreadSchema,
  cutF2: SpreadSchema,
  quarantineDaysF1: SpreadSchema,
  quarantineDaysF2: SpreadSchema,
  mostInQuarantineF1: SpreadSchema,
  mostInQuarantineF2: SpreadSchema,
});

export const AdoptionCurveDataSchema = Type.Object({
  people: Type.Integer(),
  days: Type.Integer(),
  seeds: Type.Integer(),
  seed: Type.Integer(),
  reference: Type.Object({ totalInfected: SpreadSchema, quarantinePersonDays: SpreadSchema }),
  points: Type.Array(AdoptionCurvePointSchema),
});
export type AdoptionCurveData = Static<typeof AdoptionCurveDataSchema>;

export const AdoptionCurveAnswerSchema = Type.Object({
  area: Type.String(),
  regime: Type.Union([Type.Literal('baseline'), Type.Literal('near-threshold')]),
  /** Whether this user may pick another regime. */
  canChangeRegime: Type.Boolean(),
  status: Type.Union(
    [Type.Literal('queued'), Type.Literal('computing'), Type.Literal('ready'), Type.Literal('failed')],
    {
      description:
        '`queued`: asked for, no process has started it yet; `computing`: see `progress`; `ready`: `curve` is set; `failed`: `error` says why.',
    },
  ),
  progress: Type.Number({ description: 'Share of the computation done, 0–1.' }),
  computedAt: Nullable(Type.String({ description: 'When the curve was finished (ISO time).' })),
  settings: Type.Object({
    people: Type.Integer({ description: 'Agents in each run.' }),
    days: Type.Integer(),
    seeds: Type.Integer(),
    grid: Type.Array(Type.Number()),
    demography: Type.String({ description: 'Where the age mix and household sizes come from.' }),
    modelVersion: Type.Integer(),
  }),
  curve: Nullable(AdoptionCurveDataSchema),
  error: Nullable(Type.String()),
});
export type AdoptionCurveAnswer = Static<typeof AdoptionCurveAnswerSchema>;
