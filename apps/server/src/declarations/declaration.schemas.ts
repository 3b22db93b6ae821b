import { Type } from 'typebox';

// `POST /api/declarations` (the app) and `/console/api/declarations` (the console).

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
    exposureDate: Type.String({
      maxLength: 10,
      description: 'The day of the contact the warning names (YYYY-MM-DD, at most 30 days ago).',
    }),
    name: Type.String({ minLength: 1, maxLength: 100 }),
    phone: Type.String({
      minLength: 1,
      maxLength: 32,
      description:
        'A Vietnamese phone number: 9-15 digits, optionally starting with +84 (spaces, dots and dashes are ignored).',
    }),
    address: Type.String({ maxLength: 300 }),
    province: Type.Optional(
      Type.String({
        maxLength: 16,
        description: 'ISO 3166-2 code of the province (`VN-20`), of `/v1/areas`.',
      }),
    ),
    note: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);

export const DeclarationReceivedSchema = Type.Object({
  received: Type.Literal(true, { description: 'The declaration was stored (encrypted).' }),
});

export const DeclarationSchema = Type.Object({
  id: Type.String(),
  receivedDay: Day,
  region: Type.String(),
  province: Type.Union([Type.String(), Type.Null()]),
  level: Level,
  exposureDate: Day,
  name: Type.String(),
  phone: Type.String(),
  address: Type.String(),
  note: Type.Union([Type.String(), Type.Null()]),
  status: Status,
  handledBy: Type.Union([Type.String(), Type.Null()]),
});

export const DeclarationListQuerySchema = Type.Object(
  {
    status: Type.Optional(Status),
    province: Type.Optional(Type.String({ maxLength: 16, description: 'One province (ISO 3166-2).' })),
  },
  { additionalProperties: false },
);

export const DeclarationListSchema = Type.Object({ declarations: Type.Array(DeclarationSchema) });

export const DeclarationParamsSchema = Type.Object({
  id: Type.String({ pattern: '^[0-9a-fA-F-]{36}$', description: 'The declaration’s id (a UUID).' }),
});

export const DeclarationStatusRequestSchema = Type.Object(
  { status: Status },
  { additionalProperties: false },
);
