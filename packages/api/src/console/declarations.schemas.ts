import { type Static, Type } from 'typebox';
import { MultilineText, PlainText } from '../text.schemas.js';
import { Nullable, ProvinceText } from './console-common.schemas.js';

// `POST /api/declarations` (the app) and `/console/api/declarations` (the console).

export const DECLARATION_STATUSES = ['new', 'contacted', 'closed'] as const;
export type DeclarationStatus = (typeof DECLARATION_STATUSES)[number];

const Level = Type.Union([Type.Literal('F1'), Type.Literal('F2')], {
  description: 'The warning the app showed: F1 (close contact) or F2 (contact of an F1).',
});
const Day = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description: 'A UTC day, YYYY-MM-DD.' });
const Status = Type.Union([Type.Literal('new'), Type.Literal('contacted'), Type.Literal('closed')], {
  description: '`new` (received), `contacted` (the health station called), `closed`.',
});

export const DeclarationRequestSchema = Type.Object(
  {
    level: Level,
    exposureDate: PlainText({
      maxLength: 10,
      description: 'The day of the contact the warning names (YYYY-MM-DD, at most 30 days ago).',
    }),
    name: PlainText({ minLength: 1, maxLength: 100 }),
    phone: PlainText({
      minLength: 1,
      maxLength: 32,
      description:
        'A Vietnamese phone number: 9-15 digits, optionally starting with +84 (spaces, dots and dashes are ignored).',
    }),
    address: MultilineText({ maxLength: 300 }),
    province: Type.Optional(ProvinceText('ISO 3166-2 code of the province (`VN-20`), of `/v1/areas`.')),
    note: Type.Optional(MultilineText({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type DeclarationRequest = Static<typeof DeclarationRequestSchema>;

export const DeclarationReceivedSchema = Type.Object({
  received: Type.Literal(true, { description: 'The declaration was stored (encrypted).' }),
});
export type DeclarationReceived = Static<typeof DeclarationReceivedSchema>;

export const DeclarationSchema = Type.Object({
  id: Type.String(),
  receivedDay: Day,
  region: Type.String(),
  province: Nullable(Type.String()),
  level: Level,
  exposureDate: Day,
  name: Type.String(),
  phone: Type.String(),
  address: Type.String(),
  note: Nullable(Type.String()),
  status: Status,
  handledBy: Nullable(Type.String()),
});
export type Declaration = Static<typeof DeclarationSchema>;

export const DeclarationListQuerySchema = Type.Object(
  {
    status: Type.Optional(Status),
    province: Type.Optional(ProvinceText('One province (ISO 3166-2).')),
  },
  { additionalProperties: false },
);

export const DeclarationListSchema = Type.Object({ declarations: Type.Array(DeclarationSchema) });
export type DeclarationList = Static<typeof DeclarationListSchema>;

export const DeclarationParamsSchema = Type.Object({
  id: Type.String({ pattern: '^[0-9a-fA-F-]{36}$', description: 'The declaration’s id (a UUID).' }),
});

export const DeclarationStatusRequestSchema = Type.Object(
  { status: Status },
  { additionalProperties: false },
);
