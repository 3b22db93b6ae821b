import { type TSchema, Type } from 'typebox';

/** Text people type (names, labels): no control characters. */
const PLAIN = '^[^\\u0000-\\u001f\\u007f]*$';

import { CellSchema, TargetProgressSchema } from '../adoption/adoption-console.schemas.js';

// Requests and answers of the console's campaign routes: targets, organisations, tracked links.

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const TargetRequestSchema = Type.Object(
  {
    area: Type.String({ maxLength: 16, description: '`VN`, a province (`VN-06`) or a district (GSO code).' }),
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
    deadline: Type.String({ maxLength: 10, description: 'YYYY-MM-DD, the last day.' }),
    label: Type.Optional(Type.String({ maxLength: 200, pattern: PLAIN })),
  },
  { additionalProperties: false },
);

export const TargetListSchema = Type.Object({ targets: Type.Array(TargetProgressSchema) });
export const ProvinceQuerySchema = Type.Object({
  province: Type.Optional(
    Type.String({ maxLength: 16, description: 'ISO code; default: all the user may see.' }),
  ),
});
export const IdParamsSchema = Type.Object({ id: Type.String({ maxLength: 64 }) });
export const CodeParamsSchema = Type.Object({ code: Type.String({ maxLength: 32 }) });
export const DeletedSchema = Type.Object({ deleted: Type.Boolean() });

export const ORGANISATION_TYPE_NAMES = ['union', 'company', 'school', 'agency', 'other'] as const;

export const OrganisationRequestSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200, pattern: PLAIN }),
    type: Type.Union(ORGANISATION_TYPE_NAMES.map((t) => Type.Literal(t))),
    province: Type.Optional(Type.String({ maxLength: 16, description: "Default: the user's province." })),
    district: Type.Optional(Type.String({ maxLength: 8 })),
  },
  { additionalProperties: false },
);

const Sms = Type.Object({
  text: Type.String(),
  encoding: Type.String({ description: '`GSM-7` or `UCS-2`.' }),
  length: Type.Integer(),
  segments: Type.Integer({ description: 'SMS parts the operator sends (and bills).' }),
  singleLimit: Type.Integer(),
});

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
export const OrganisationListSchema = Type.Object({ organisations: Type.Array(OrganisationSchema) });

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
    channel: Type.String({ maxLength: 32, description: CHANNELS.map((c) => `\`${c}\``).join(', ') }),
    province: Type.Optional(Type.String({ maxLength: 16, description: "Default: the user's province." })),
    organisation: Type.Optional(
      Type.String({ maxLength: 16, description: 'Invite code, for links of an organisation.' }),
    ),
    label: Type.Optional(Type.String({ maxLength: 200, pattern: PLAIN })),
  },
  { additionalProperties: false },
);

export const LinkSchema = Type.Object({
  code: Type.String({ description: 'The link code (`?ch=`).' }),
  channel: Type.String(),
  province: Type.String(),
  organisation: Nullable(Type.String()),
  label: Type.String(),
  createdAt: Type.String(),
  installUrl: Type.String(),
  posterUrl: Type.String(),
  sms: Type.Object({ vi: Sms, en: Sms }),
  installs: CellSchema,
});
export const LinkListSchema = Type.Object({ links: Type.Array(LinkSchema) });
