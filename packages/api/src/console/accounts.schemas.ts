import { type Static, Type } from 'typebox';
import { PlainText } from '../text.schemas.js';
import { Nullable, ProvinceText } from './console-common.schemas.js';

// Requests and answers of the console's session, user, code and audit routes (docs/console.md).

/** The four console roles (docs/console.md, "Roles"). */
export const CONSOLE_ROLES = ['national', 'province', 'caseworker', 'analyst'] as const;
export type ConsoleRole = (typeof CONSOLE_ROLES)[number];

/** A role in an answer. Requests send a plain string, refused with `invalid_role` when unknown. */
const Role = Type.Unsafe<ConsoleRole>(
  Type.String({
    enum: [...CONSOLE_ROLES],
    description: '`national`, `province`, `caseworker` or `analyst`.',
  }),
);
const Province = ProvinceText('ISO 3166-2 code, e.g. `VN-20` (Thái Bình).');
const Password = Type.String({ maxLength: 1024 });
const Username = PlainText({ maxLength: 128 });

export const UserSchema = Type.Object({
  username: Type.String(),
  role: Role,
  province: Nullable(Type.String()),
});
export type SessionUser = Static<typeof UserSchema>;

export const LoginRequestSchema = Type.Object({
  username: Username,
  password: Password,
  totp: Type.Optional(PlainText({ maxLength: 16, description: 'The 6-digit code, once TOTP is on.' })),
});
export type LoginRequest = Static<typeof LoginRequestSchema>;

export const SessionResponseSchema = Type.Object({
  user: UserSchema,
  csrfToken: Type.String({ description: 'Send it as `X-CSRF-Token` on every state-changing request.' }),
  totpEnabled: Type.Boolean(),
});
export type Session = Static<typeof SessionResponseSchema>;

export const SignedOutSchema = Type.Object({ signedOut: Type.Boolean() });

export const TotpEnrolResponseSchema = Type.Object({
  secret: Type.String({ description: 'Base32, for typing into an authenticator app.' }),
  otpauthUri: Type.String({ description: '`otpauth://totp/…`, for a QR code.' }),
});
export type TotpEnrolment = Static<typeof TotpEnrolResponseSchema>;

export const TotpConfirmRequestSchema = Type.Object({ code: PlainText({ maxLength: 16 }) });
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
export type UserView = Static<typeof UserViewSchema>;

export const UserListSchema = Type.Object({ users: Type.Array(UserViewSchema) });

export const CreateUserRequestSchema = Type.Object({
  username: Username,
  password: Password,
  role: PlainText({ maxLength: 32 }),
  province: Type.Optional(Nullable(Province)),
});
export type CreateUserRequest = Static<typeof CreateUserRequestSchema>;

export const UsernameParamsSchema = Type.Object({ username: Username });

export const ResetPasswordRequestSchema = Type.Object({
  password: Password,
  resetTotp: Type.Optional(Type.Boolean()),
});
export type ResetPasswordRequest = Static<typeof ResetPasswordRequestSchema>;

export const IssueConsoleCodeRequestSchema = Type.Object({
  testType: PlainText({ maxLength: 32, description: '`confirmed` (F0) or `recursive` (F1).' }),
  symptomDate: Type.Optional(PlainText({ maxLength: 32 })),
  testDate: Type.Optional(PlainText({ maxLength: 32 })),
  tzOffset: Type.Optional(Type.Integer({ minimum: -14 * 60, maximum: 14 * 60 })),
  province: Type.Optional(Province),
});
export type IssueConsoleCodeRequest = Static<typeof IssueConsoleCodeRequestSchema>;

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
export type IssuedConsoleCode = Static<typeof IssueConsoleCodeResponseSchema>;

export const ListQuerySchema = Type.Object({
  limit: Type.Optional(Type.String({ pattern: '^[0-9]{1,4}$', description: '1-500, default 50.' })),
  before: Type.Optional(
    Type.String({ pattern: '^[0-9]{1,15}$', description: 'Only entries with a smaller id (paging).' }),
  ),
});

/** `limit` from a query string: 1…max, `fallback` when absent. */
export function parseLimit(text: string | undefined, fallback = 50, max = 500): number {
  if (text === undefined) return fallback;
  return Math.min(max, Math.max(1, Number(text)));
}

export const CONSOLE_CODE_STATUSES = ['unclaimed', 'claimed', 'expired'] as const;

export const ConsoleCodeSchema = Type.Object({
  uuid: Type.String(),
  testType: Type.String(),
  province: Nullable(Type.String()),
  status: Type.Unsafe<(typeof CONSOLE_CODE_STATUSES)[number]>(
    Type.String({ enum: [...CONSOLE_CODE_STATUSES], description: '`unclaimed`, `claimed` or `expired`.' }),
  ),
  issuedAt: Type.String(),
  issuedBy: Type.String(),
  expiresAt: Nullable(Type.String()),
});
export type ConsoleCode = Static<typeof ConsoleCodeSchema>;

export const ConsoleCodeListSchema = Type.Object({ codes: Type.Array(ConsoleCodeSchema) });

export const ExpireConsoleCodeRequestSchema = Type.Object({ uuid: PlainText({ maxLength: 64 }) });
export const ExpireConsoleCodeResponseSchema = Type.Object({ uuid: Type.String(), expiresAt: Type.String() });

export const AuditEntrySchema = Type.Object({
  id: Type.Integer(),
  at: Type.String(),
  username: Nullable(Type.String()),
  action: Type.String(),
  target: Nullable(Type.String()),
  province: Nullable(Type.String()),
  details: Type.Record(Type.String(), Type.Unknown()),
});
export type AuditEntry = Static<typeof AuditEntrySchema>;

export const AuditListSchema = Type.Object({
  entries: Type.Array(AuditEntrySchema),
  nextBefore: Type.Union([Type.Integer(), Type.Null()]),
});
export type AuditList = Static<typeof AuditListSchema>;
