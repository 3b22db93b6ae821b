import { type Static, Type } from 'typebox';
import { ErrorFields, PaddingSchema, TestTypeSchema } from './common.schemas.js';
import { PlainText } from './text.schemas.js';

// Requests and answers of the verification API (docs/protocol.md §5), with the field names of Google's
// verification server. Unknown request fields are tolerated, as GAEN clients may send more.

/** At most this many codes in one `POST /api/batch-issue`. */
export const MAX_BATCH_ISSUE = 10;

export const UuidSchema = Type.String({
  pattern: '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$',
  maxLength: 36,
});

/** `POST /api/issue` (admin API key). */
export const IssueCodeRequestSchema = Type.Object({
  testType: PlainText({ maxLength: 32 }),
  symptomDate: Type.Optional(PlainText({ maxLength: 32 })),
  testDate: Type.Optional(PlainText({ maxLength: 32 })),
  /** The case worker's offset from UTC in minutes, so "today" is their local day. */
  tzOffset: Type.Optional(Type.Integer({ minimum: -14 * 60, maximum: 14 * 60 })),
  /** Refused unless empty: Bluezone sends no SMS and stores no phone numbers. */
  phone: Type.Optional(Type.String({ maxLength: 64 })),
  /** A client-chosen id for the code (idempotency); generated when absent. */
  uuid: Type.Optional(PlainText({ maxLength: 64 })),
  /**
   * The case's home province, an ISO 3166-2 code of `/v1/areas` (`VN-20`): its keys go to that
   * province's export set as well as the national one. Absent or empty: the national set only.
   */
  province: Type.Optional(PlainText({ maxLength: 16 })),
  padding: Type.Optional(PaddingSchema),
});
export type IssueCodeRequest = Static<typeof IssueCodeRequestSchema>;

export const IssueCodeResponseSchema = Type.Object({
  uuid: Type.Optional(Type.String()),
  code: Type.Optional(Type.String()),
  /** RFC 1123 time, as Google's server writes it. */
  expiresAt: Type.Optional(Type.String()),
  expiresAtTimestamp: Type.Optional(Type.Integer()),
  longCode: Type.Optional(Type.String()),
  longExpiresAt: Type.Optional(Type.String()),
  longExpiresAtTimestamp: Type.Optional(Type.Integer()),
  /** The province the code carries; absent: none (its keys go to the national set only). */
  province: Type.Optional(Type.String()),
  padding: Type.Optional(Type.String()),
  ...ErrorFields,
});
export type IssueCodeResponse = Static<typeof IssueCodeResponseSchema>;

/** `POST /api/batch-issue` (admin API key): each item answered on its own (partial success). */
export const BatchIssueCodeRequestSchema = Type.Object({
  codes: Type.Array(IssueCodeRequestSchema, { minItems: 1, maxItems: MAX_BATCH_ISSUE }),
  padding: Type.Optional(PaddingSchema),
});
export type BatchIssueCodeRequest = Static<typeof BatchIssueCodeRequestSchema>;

export const BatchIssueCodeResponseSchema = Type.Object({
  codes: Type.Optional(Type.Array(IssueCodeResponseSchema)),
  padding: Type.Optional(Type.String()),
  ...ErrorFields,
});
export type BatchIssueCodeResponse = Static<typeof BatchIssueCodeResponseSchema>;

/** `POST /api/checkcodestatus` (admin API key). */
export const CheckCodeStatusRequestSchema = Type.Object({
  uuid: PlainText({ maxLength: 64 }),
  padding: Type.Optional(PaddingSchema),
});
export type CheckCodeStatusRequest = Static<typeof CheckCodeStatusRequestSchema>;

export const CheckCodeStatusResponseSchema = Type.Object({
  claimed: Type.Optional(Type.Boolean()),
  expiresAtTimestamp: Type.Optional(Type.Integer()),
  longExpiresAtTimestamp: Type.Optional(Type.Integer()),
  padding: Type.Optional(Type.String()),
  ...ErrorFields,
});
export type CheckCodeStatusResponse = Static<typeof CheckCodeStatusResponseSchema>;

/** `POST /api/expirecode` (admin API key): makes an unused code unusable now. */
export const ExpireCodeRequestSchema = CheckCodeStatusRequestSchema;
export type ExpireCodeRequest = CheckCodeStatusRequest;

export const ExpireCodeResponseSchema = Type.Object({
  expiresAtTimestamp: Type.Optional(Type.Integer()),
  longExpiresAtTimestamp: Type.Optional(Type.Integer()),
  padding: Type.Optional(Type.String()),
  ...ErrorFields,
});
export type ExpireCodeResponse = Static<typeof ExpireCodeResponseSchema>;

/** `POST /api/verify` (device API key): a code becomes a token. */
export const VerifyCodeRequestSchema = Type.Object({
  code: PlainText({ maxLength: 64 }),
  /** Test types the app accepts; default `["confirmed"]`, as in Google's server. */
  accept: Type.Optional(Type.Array(TestTypeSchema, { maxItems: 8 })),
  padding: Type.Optional(PaddingSchema),
});
export type VerifyCodeRequest = Static<typeof VerifyCodeRequestSchema>;

export const VerifyCodeResponseSchema = Type.Object({
  testtype: Type.Optional(Type.String()),
  symptomDate: Type.Optional(Type.String()),
  testDate: Type.Optional(Type.String()),
  token: Type.Optional(Type.String()),
  padding: Type.Optional(Type.String()),
  ...ErrorFields,
});
export type VerifyCodeResponse = Static<typeof VerifyCodeResponseSchema>;

/** `POST /api/certificate` (device API key): a token and the keys' HMAC become a certificate. */
export const VerificationCertificateRequestSchema = Type.Object({
  token: Type.String({ maxLength: 4096 }),
  /** base64 HMAC-SHA256 of the keys to publish (the `tekmac`), 32 bytes. */
  ekeyhmac: Type.String({ maxLength: 128 }),
  padding: Type.Optional(PaddingSchema),
});
export type VerificationCertificateRequest = Static<typeof VerificationCertificateRequestSchema>;

export const VerificationCertificateResponseSchema = Type.Object({
  certificate: Type.Optional(Type.String()),
  padding: Type.Optional(Type.String()),
  ...ErrorFields,
});
export type VerificationCertificateResponse = Static<typeof VerificationCertificateResponseSchema>;
