import { Type } from 'typebox';

// Request and answer schemas of the console's account, session, user and code routes.

const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);
const Role = Type.String({ description: '`national`, `province`, `caseworker` or `analyst`.' });
const Province = Type.String({ maxLength: 16, description: 'ISO 3166-2 code, e.g. `VN-20` (Thái Bình).' });

export const UserSchema = Type.Object({
  username: Type.String(),
  role: Role,
  province: Nullable(Type.String()),
});

export const LoginRequestSchema = Type.Object({
  username: Type.String({ maxLength: 128 }),
  password: Type.String({ maxLength: 1024 }),
  totp: Type.Optional(Type.String({ maxLength: 16, description: 'The 6-digit code, once TOTP is on.' })),
});

export const SessionResponseSchema = Type.Object({
  user: UserSchema,
  csrfToken: Type.String({ description: 'Send it as `X-CSRF-Token` on every state-changing request.' }),
  totpEnabled: Type.Boolean(),
});

export const SignedOutSchema = Type.Object({ signedOut: Type.Boolean() });

export const TotpEnrolResponseSchema = Type.Object({
  secret: Type.String({ description: 'Base32, for typing into an authenticator app.' }),
  otpauthUri: Type.String({ description: '`otpauth://totp/…`, for a QR code.' }),
});

export const TotpConfirmRequestSchema = Type.Object({ code: Type.String({ maxLength: 16 }) });
export const TotpConfirmResponseSchema = Type.Object({ totpEnabled: Type.Boolean() });

export const UserViewSchema = Type.Object({
  username: Type.String(),
  role: Role,
  province: Nullable(Type.String()),
  disabled: Type.Boolean(),
  totpEnabled: Type.Boolean(),
  lockedUntil: Nullable(Type.String()),
  createdAt: Type.String(),
});

export const UserListSchema = Type.Object({ users: Type.Array(UserViewSchema) });

export const CreateUserRequestSchema = Type.Object({
  username: Type.String({ maxLength: 128 }),
  password: Type.String({ maxLength: 1024 }),
  role: Type.String({ maxLength: 32 }),
  province: Type.Optional(Nullable(Province)),
});

export const UsernameParamsSchema = Type.Object({ username: Type.String({ maxLength: 128 }) });

export const ResetPasswordRequestSchema = Type.Object({
  password: Type.String({ maxLength: 1024 }),
  resetTotp: Type.Optional(Type.Boolean()),
});

export const IssueConsoleCodeRequestSchema = Type.Object({
  testType: Type.String({ maxLength: 32, description: '`confirmed` (F0) or `recursive` (F1).' }),
  symptomDate: Type.Optional(Type.String({ maxLength: 32 })),
  testDate: Type.Optional(Type.String({ maxLength: 32 })),
  tzOffset: Type.Optional(Type.Integer({ minimum: -14 * 60, maximum: 14 * 60 })),
  province: Type.Optional(Province),
});

export const IssueConsoleCodeResponseSchema = Type.Object({
  uuid: Type.String(),
  testType: Type.String(),
  province: Nullable(Type.String()),
  code: Type.String({ description: 'The 8-digit short code.' }),
  expiresAt: Type.String(),
  longCode: Type.String(),
  link: Type.String({ description: 'BLUEZONE_CODE_LINK with the long code.' }),
  longExpiresAt: Type.String(),
});

export const ListQuerySchema = Type.Object({
  limit: Type.Optional(Type.String({ pattern: '^[0-9]{1,4}$', description: '1-500, default 50.' })),
  before: Type.Optional(
    Type.String({ pattern: '^[0-9]{1,15}$', description: 'Only entries with a smaller id (paging).' }),
  ),
});

export const ConsoleCodeListSchema = Type.Object({
  codes: Type.Array(
    Type.Object({
      uuid: Type.String(),
      testType: Type.String(),
      province: Nullable(Type.String()),
      status: Type.String({ description: '`unclaimed`, `claimed` or `expired`.' }),
      issuedAt: Type.String(),
      issuedBy: Type.String(),
      expiresAt: Nullable(Type.String()),
    }),
  ),
});

export const ExpireConsoleCodeRequestSchema = Type.Object({ uuid: Type.String({ maxLength: 64 }) });
export const ExpireConsoleCodeResponseSchema = Type.Object({ uuid: Type.String(), expiresAt: Type.String() });

export const AuditListSchema = Type.Object({
  entries: Type.Array(
    Type.Object({
      id: Type.Integer(),
      at: Type.String(),
      username: Nullable(Type.String()),
      action: Type.String(),
      target: Nullable(Type.String()),
      province: Nullable(Type.String()),
      details: Type.Record(Type.String(), Type.Unknown()),
    }),
  ),
  nextBefore: Type.Union([Type.Integer(), Type.Null()]),
});

/** `limit` from a query string: 1…max, `fallback` when absent. */
export function parseLimit(text: string | undefined, fallback = 50, max = 500): number {
  if (text === undefined) return fallback;
  return Math.min(max, Math.max(1, Number(text)));
}
