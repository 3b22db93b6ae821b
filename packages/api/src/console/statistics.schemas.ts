import { type Static, type TInteger, Type } from 'typebox';
import { PlainText } from '../text.schemas.js';

// `GET /console/api/statistics`: what the key server did, per UTC day.

const counts = <K extends string>(keys: readonly K[]) =>
  Type.Object(Object.fromEntries(keys.map((k) => [k, Type.Integer()])) as Record<K, TInteger>);
const TEST_TYPES = counts(['confirmed', 'likely', 'negative', 'recursive'] as const);
const REPORT_TYPES = counts([
  'CONFIRMED_TEST',
  'CONFIRMED_CLINICAL_DIAGNOSIS',
  'SELF_REPORT',
  'RECURSIVE',
  'REVOKED',
] as const);

export type TestTypeCounts = Static<typeof TEST_TYPES>;
export type ReportTypeCounts = Static<typeof REPORT_TYPES>;

export const StatisticsDaySchema = Type.Object({
  day: Type.String(),
  codesIssued: TEST_TYPES,
  codesUsed: TEST_TYPES,
  uploads: TEST_TYPES,
  keysPublished: REPORT_TYPES,
  keysRevised: REPORT_TYPES,
  exportFiles: Type.Integer(),
  exportBytes: Type.Integer(),
  exportKeys: Type.Integer({ description: 'Keys in the files (padding included).' }),
  downloads: Type.Integer({ description: 'Export files this server handed out that day (200 answers).' }),
});
export type StatisticsDay = Static<typeof StatisticsDaySchema>;

export const StatisticsSchema = Type.Object({
  from: Type.String(),
  to: Type.String(),
  funnel: Type.Object(
    {
      f0Codes: Type.Integer(),
      f0Uploads: Type.Integer(),
      f0Keys: Type.Integer(),
      f1Codes: Type.Integer(),
      f1Uploads: Type.Integer(),
      f1Keys: Type.Integer(),
    },
    {
      description:
        'F0 (confirmed, likely) and F1 (recursive) codes, uploads and keys over the range. F2 warnings happen on phones and are not known to the server.',
    },
  ),
  days: Type.Array(StatisticsDaySchema),
  exportFiles: Type.Array(
    Type.Object({
      path: Type.String(),
      region: Type.String(),
      day: Type.String(),
      keyCount: Type.Integer(),
      sizeBytes: Type.Union([Type.Integer(), Type.Null()]),
      downloads: Type.Integer({ description: 'Times this server handed the file out in the range.' }),
    }),
  ),
  downloads: Type.Object(
    {
      total: Type.Integer(),
      counted: Type.Literal('origin', {
        description:
          'Counted where the files leave this server: behind a CDN only its cache misses arrive, so the phones downloading are many more.',
      }),
    },
    { description: 'Export file downloads in the range, counted per file and day, nothing about who.' },
  ),
  byProvince: Type.Object(
    {
      national: Type.Object({ bytesPerDay: Type.Integer() }),
      provinces: Type.Array(
        Type.Object({
          province: Type.String(),
          f0Keys: Type.Integer(),
          f1Keys: Type.Integer(),
          bytesPerDay: Type.Integer({
            description:
              "Export bytes of the province's set over the range, per day: what a phone watching it downloads.",
          }),
          shareOfNational: Type.Number({ description: "bytesPerDay over the national set's (0–1)." }),
        }),
      ),
    },
    {
      description:
        'Per province set (issue 17): keys published with the province as home or declared province, and what its phones download.',
    },
  ),
});
export type Statistics = Static<typeof StatisticsSchema>;

export const StatisticsQuerySchema = Type.Object({
  from: Type.Optional(PlainText({ maxLength: 10, description: 'YYYY-MM-DD; default: 29 days before `to`.' })),
  to: Type.Optional(PlainText({ maxLength: 10, description: 'YYYY-MM-DD; default: today (UTC).' })),
});
