import { type Static, Type } from 'typebox';
import { MultilineText, PlainText } from '../text.schemas.js';
import { DistrictText, Nullable, ProvinceText } from './console-common.schemas.js';

// Requests and answers of the console's venue routes (`/console/api/venues`, docs/checkin.md): venues
// with their QR code (CWA's event format), posters, CSV import, case workers' venue warnings.

const VenueFields = {
  name: PlainText({
    minLength: 1,
    maxLength: 100,
    description: 'On the poster and in the QR code (CWA: 1-100).',
  }),
  address: PlainText({ minLength: 1, maxLength: 100, description: 'In the QR code (CWA: 1-100).' }),
  locationType: Type.Integer({
    minimum: 1,
    maximum: 12,
    description:
      "CWA's TraceLocationType: 1 permanent other, 2 temporary other, 3 retail, 4 food service, 5 craft, 6 workplace, 7 educational institution, 8 public building, 9 cultural event, 10 club activity, 11 private event, 12 worship service. 2 and 9-12 are events (start and end required).",
  }),
  defaultCheckInLengthInMinutes: Type.Integer({
    minimum: 1,
    maximum: 1440,
    description: 'The check-in length the phone proposes; automatic check-out after it.',
  }),
  startsAt: Type.Optional(PlainText({ maxLength: 40, description: 'Events: ISO 8601 time with an offset.' })),
  endsAt: Type.Optional(PlainText({ maxLength: 40, description: 'Events: ISO 8601 time with an offset.' })),
  district: Type.Optional(DistrictText('GSO code of a district of the province.')),
};

export const VenueRequestSchema = Type.Object(
  {
    ...VenueFields,
    province: Type.Optional(ProvinceText("Default: the organisation's, else the user's province.")),
    organisation: Type.Optional(
      PlainText({
        maxLength: 16,
        description: "The organisation's invite code; none: the health authority's.",
      }),
    ),
  },
  { additionalProperties: false },
);
export type VenueRequest = Static<typeof VenueRequestSchema>;

/** An edit: the same fields; the organisation and province stay. */
export const VenueUpdateSchema = Type.Object(VenueFields, { additionalProperties: false });
export type VenueUpdate = Static<typeof VenueUpdateSchema>;

export const VenueSchema = Type.Object({
  id: Type.String(),
  organisation: Nullable(Type.String()),
  province: Type.String(),
  district: Nullable(Type.String()),
  name: Type.String(),
  address: Type.String(),
  locationType: Type.Integer(),
  defaultCheckInLengthInMinutes: Type.Integer(),
  startsAt: Nullable(Type.String()),
  endsAt: Nullable(Type.String()),
  url: Type.String({ description: "The QR code's text: `https://<host>/c?v=1#<payload>`." }),
  cwaUrl: Type.String({ description: 'The same payload as a Corona-Warn-App event URL.' }),
  locationId: Type.String({ description: 'SHA-256("CWA-GUID" ‖ payload), hex.' }),
  locationIdHash: Type.String({ description: 'SHA-256(location ID), hex: what warnings carry.' }),
  posterUrl: Type.String({ description: 'A4 poster; `?size=a5` for the table stand.' }),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type Venue = Static<typeof VenueSchema>;
export const VenueListSchema = Type.Object({ venues: Type.Array(VenueSchema) });
export type VenueList = Static<typeof VenueListSchema>;

export const VenueListQuerySchema = Type.Object({
  province: Type.Optional(ProvinceText('ISO code; default: all the user may see.')),
  organisation: Type.Optional(
    PlainText({ maxLength: 16, description: 'Only the venues of this organisation.' }),
  ),
});

export const VenueIdParamsSchema = Type.Object({ id: PlainText({ maxLength: 64 }) });

export const POSTER_SIZES = ['a4', 'a5'] as const;
export const PosterQuerySchema = Type.Object({
  size: Type.Optional(
    Type.Union(
      POSTER_SIZES.map((s) => Type.Literal(s)),
      { description: 'Default a4.' },
    ),
  ),
});
export const PosterZipQuerySchema = Type.Object({
  organisation: PlainText({ maxLength: 16, description: "The organisation's invite code." }),
  size: Type.Optional(
    Type.Union(
      POSTER_SIZES.map((s) => Type.Literal(s)),
      { description: 'Default a4.' },
    ),
  ),
});

export const VenueImportRequestSchema = Type.Object(
  {
    csv: MultilineText({
      maxLength: 2_000_000,
      description:
        '`name,address,type,check_in_minutes,start,end,district` with that header; start, end and district may be empty.',
    }),
    organisation: Type.Optional(PlainText({ maxLength: 16, description: "The venues' organisation." })),
    province: Type.Optional(ProvinceText("Default: the organisation's, else the user's province.")),
  },
  { additionalProperties: false },
);
export type VenueImportRequest = Static<typeof VenueImportRequestSchema>;
export const VenueImportAnswerSchema = Type.Object({
  imported: Type.Integer(),
  venues: Type.Array(VenueSchema),
});
export type VenueImportAnswer = Static<typeof VenueImportAnswerSchema>;

export const VenueWarningRequestSchema = Type.Object(
  {
    date: PlainText({ maxLength: 10, description: 'YYYY-MM-DD (Vietnam time, UTC+7), in the last 14 days.' }),
    from: PlainText({ maxLength: 5, description: 'HH:MM, Vietnam time.' }),
    to: PlainText({ maxLength: 5, description: 'HH:MM, Vietnam time, after `from` (24:00 for midnight).' }),
    transmissionRiskLevel: Type.Integer({ minimum: 1, maximum: 8, description: '1-8 (CWA scale).' }),
  },
  { additionalProperties: false },
);
export type VenueWarningRequest = Static<typeof VenueWarningRequestSchema>;
export const VenueWarningAnswerSchema = Type.Object({
  insertedWarnings: Type.Integer(),
  startIntervalNumber: Type.Integer(),
  period: Type.Integer(),
});
export type VenueWarningAnswer = Static<typeof VenueWarningAnswerSchema>;

export const VenueStatisticsSchema = Type.Object({
  venues: Type.Integer({ description: "Venues registered (in the user's province, or all)." }),
  warningsPerDay: Type.Array(
    Type.Object({
      day: Type.String(),
      uploaded: Type.Integer({ description: 'Warnings from people who shared check-ins.' }),
      caseWorker: Type.Integer({ description: 'Warnings case workers issued for venues.' }),
    }),
    { description: 'Warnings published per UTC day (national: the packages are national), last 14 days.' },
  ),
});
export type VenueStatistics = Static<typeof VenueStatisticsSchema>;
