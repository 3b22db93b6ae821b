import { type Static, Type } from 'typebox';
import { PlainText } from '../text.schemas.js';
import { CellSchema, TargetProgressSchema } from './adoption.schemas.js';
import { Nullable, ProvinceText } from './console-common.schemas.js';

// Requests and answers of the console's campaign routes: targets, organisations, tracked links.

export const TARGET_KINDS = ['population_share', 'smartphone_share', 'absolute'] as const;

export const TargetRequestSchema = Type.Object(
  {
    area: PlainText({ maxLength: 16, description: '`VN`, a province (`VN-06`) or a district (GSO code).' }),
    kind: Type.Union([
      Type.Literal('population_share'),
      Type.Literal('smartphone_share'),
      Type.Literal('absolute'),
    ]),
    share: Type.Optional(Type.Number({ description: '0-1: 0.6 is 60 % (the two shares).' })),
    baseCount: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 200_000_000,
        description: 'Users (absolute) or the smartphone users of the area (smartphone share).',
      }),
    ),
    deadline: PlainText({ maxLength: 10, description: 'YYYY-MM-DD, the last day.' }),
    label: Type.Optional(PlainText({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type TargetRequest = Static<typeof TargetRequestSchema>;

export const TargetListSchema = Type.Object({ targets: Type.Array(TargetProgressSchema) });
export type TargetList = Static<typeof TargetListSchema>;
export const ProvinceQuerySchema = Type.Object({
  province: Type.Optional(ProvinceText('ISO code; default: all the user may see.')),
});
export const IdParamsSchema = Type.Object({ id: PlainText({ maxLength: 64 }) });
export const CodeParamsSchema = Type.Object({ code: PlainText({ maxLength: 32 }) });

export const ORGANISATION_TYPE_NAMES = ['union', 'company', 'school', 'agency', 'other'] as const;

export const OrganisationRequestSchema = Type.Object(
  {
    name: PlainText({ minLength: 1, maxLength: 200 }),
    type: Type.Union(ORGANISATION_TYPE_NAMES.map((t) => Type.Literal(t))),
    province: Type.Optional(ProvinceText("Default: the user's province.")),
    district: Type.Optional(PlainText({ maxLength: 8 })),
  },
  { additionalProperties: false },
);
export type OrganisationRequest = Static<typeof OrganisationRequestSchema>;

export const SmsTextSchema = Type.Object({
  text: Type.String(),
  encoding: Type.String({ description: '`GSM-7` or `UCS-2`.' }),
  length: Type.Integer(),
  segments: Type.Integer({ description: 'SMS parts the operator sends (and bills).' }),
  singleLimit: Type.Integer(),
});
export type SmsText = Static<typeof SmsTextSchema>;

export const OrganisationSchema = Type.Object({
  code: Type.String({ description: 'The invite code (`?org=`).' }),
  name: Type.String(),
  type: Type.String(),
  province: Type.String(),
  district: Nullable(Type.String()),
  createdAt: Type.String(),
  installUrl: Type.String(),
  posterUrl: Type.String(),
  installs: CellSchema,
});
export type Organisation = Static<typeof OrganisationSchema>;
export const OrganisationListSchema = Type.Object({ organisations: Type.Array(OrganisationSchema) });
export type OrganisationList = Static<typeof OrganisationListSchema>;

export const CHANNELS = [
  'sms:viettel',
  'sms:vinaphone',
  'sms:mobifone',
  'poster',
  'organisation',
  'other',
] as const;

export const LinkRequestSchema = Type.Object(
  {
    channel: PlainText({ maxLength: 32, description: CHANNELS.map((c) => `\`${c}\``).join(', ') }),
    province: Type.Optional(ProvinceText("Default: the user's province.")),
    organisation: Type.Optional(
      PlainText({ maxLength: 16, description: 'Invite code, for links of an organisation.' }),
    ),
    label: Type.Optional(PlainText({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type LinkRequest = Static<typeof LinkRequestSchema>;

export const LinkSchema = Type.Object({
  code: Type.String({ description: 'The link code (`?ch=`).' }),
  channel: Type.String(),
  province: Type.String(),
  organisation: Nullable(Type.String()),
  label: Type.String(),
  createdAt: Type.String(),
  installUrl: Type.String(),
  posterUrl: Type.String(),
  sms: Type.Object({ vi: SmsTextSchema, en: SmsTextSchema }),
  installs: CellSchema,
});
export type TrackedLink = Static<typeof LinkSchema>;
export const LinkListSchema = Type.Object({ links: Type.Array(LinkSchema) });
export type LinkList = Static<typeof LinkListSchema>;
