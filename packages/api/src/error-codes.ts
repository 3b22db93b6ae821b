/**
 * Every error code the Bluezone HTTP APIs answer, as data: snake_case code → HTTP status → one English
 * line. Names follow Google's verification server where it has one (`code_invalid`, `token_expired`,
 * `unsupported_test_type`, `uuid_already_exists`, …), so existing GAEN clients understand them.
 */
export const ERROR_CODES = {
  // Request shape
  unparsable_request: { status: 400, message: 'The request body is not valid JSON.' },
  invalid_request: { status: 400, message: 'The request does not match the documented schema.' },
  body_too_large: { status: 413, message: 'The request body is larger than this route accepts.' },
  unsupported_media_type: { status: 415, message: 'The request must be sent as application/json.' },
  not_found: { status: 404, message: 'There is no such route.' },
  method_not_allowed: { status: 405, message: 'The route does not accept this method.' },
  // Authentication
  unauthorized: { status: 401, message: 'The X-API-Key header is missing, unknown or revoked.' },
  forbidden: { status: 403, message: 'This API key is not allowed to call this route.' },
  // Issuing codes
  invalid_test_type: { status: 400, message: 'The test type is not one of the known test types.' },
  missing_date: { status: 400, message: 'A symptom date or a test date is required for this test type.' },
  invalid_date: { status: 400, message: 'A date is malformed, in the future or older than allowed.' },
  uuid_already_exists: { status: 409, message: 'A code with this uuid was already issued.' },
  phone_not_accepted: { status: 400, message: 'Bluezone stores no phone numbers; leave phone empty.' },
  quota_exceeded: { status: 429, message: "The health authority's daily issuance quota is used up." },
  // Redeeming codes
  code_invalid: {
    status: 400,
    message: 'The code is neither an 8-digit short code nor a 16-character long code.',
  },
  code_not_found: { status: 400, message: 'No such code was issued.' },
  code_expired: { status: 400, message: 'The code has expired.' },
  code_already_used: { status: 400, message: 'The code was already used.' },
  unsupported_test_type: { status: 412, message: "The code's test type is not in the accepted test types." },
  // Tokens and certificates
  token_invalid: { status: 400, message: 'The token is malformed or its signature does not verify.' },
  token_expired: { status: 400, message: 'The token has expired.' },
  token_already_used: { status: 400, message: 'The token was already exchanged for a certificate.' },
  hmac_invalid: { status: 400, message: 'ekeyhmac must be the base64 of a 32-byte HMAC-SHA256.' },
  // Publishing keys (POST /v1/publish), Google's key server's names where it has one. A partial
  // success is not an error: it answers 200 with code `partial_failure` (PUBLISH_PARTIAL_FAILURE).
  no_keys: { status: 400, message: 'The request carries no temporary exposure keys.' },
  too_many_keys: { status: 400, message: 'A request carries at most 30 temporary exposure keys.' },
  keys_overlap: {
    status: 400,
    message: 'Keys whose periods overlap must share a start interval, at most 3 per start.',
  },
  unknown_health_authority: { status: 401, message: 'healthAuthorityID names no known health authority.' },
  invalid_certificate: {
    status: 401,
    message: 'The verification certificate is malformed, not signed by this server or not for it.',
  },
  certificate_expired: { status: 401, message: 'The verification certificate has expired.' },
  invalid_hmac_key: { status: 400, message: 'hmacKey must be the base64 of at least 16 bytes.' },
  tekmac_mismatch: { status: 401, message: "The certificate's tekmac is not the HMAC of these keys." },
  invalid_report_type: {
    status: 400,
    message: 'A negative result publishes nothing; it can only revoke keys with their revision token.',
  },
  missing_revision_token: { status: 400, message: 'Changing published keys needs their revision token.' },
  invalid_revision_token: {
    status: 400,
    message: 'The revision token is malformed or does not cover the published keys.',
  },
  key_already_revised: { status: 400, message: 'A key of this request was already revised once.' },
  invalid_revision_transition: {
    status: 400,
    message: 'Only likely keys can be revised, to confirmed or revoked.',
  },
  too_many_provinces: {
    status: 400,
    message: 'visitedProvinces names at most 10 provinces.',
  },
  // Adoption counts, campaigns, statistics (apps/server/src/adoption, campaigns, statistics)
  unknown_province: {
    status: 400,
    message: 'The province is not one of the 63 provinces of /v1/areas (an ISO 3166-2 code such as VN-20).',
  },
  unknown_district: { status: 400, message: 'The district is not a district (GSO code) of that province.' },
  import_invalid: {
    status: 400,
    message: 'The CSV has errors (listed in `errors` by line and column); nothing was imported.',
  },
  invalid_target: {
    status: 400,
    message:
      'A target needs a share (0-1) of the population or of smartphone users, or a number, and a deadline.',
  },
  target_not_found: { status: 404, message: 'There is no such target.' },
  organisation_not_found: { status: 404, message: 'There is no organisation with this invite code.' },
  link_not_found: { status: 404, message: 'There is no tracked link with this code.' },
  invalid_channel: {
    status: 400,
    message: 'The channel must be sms:viettel, sms:vinaphone, sms:mobifone, poster, organisation or other.',
  },
  // Abuse and operations
  rate_limited: { status: 429, message: 'Too many requests; retry after the time in Retry-After.' },
  not_ready: { status: 503, message: 'The server is starting or cannot reach its database.' },
  app_config_unavailable: {
    status: 503,
    message: "The app's configuration is not available: run `bluezone admin init` for the server's region.",
  },
  internal: { status: 500, message: 'Internal error; it was logged without the request contents.' },
  // Declarations (apps/server/src/declarations)
  invalid_phone: {
    status: 400,
    message: 'The phone number must be a Vietnamese number: 9-15 digits, optionally starting with +84.',
  },
  invalid_exposure_date: {
    status: 400,
    message: 'The exposure date must be a real day (YYYY-MM-DD) in the last 30 days, not in the future.',
  },
  declaration_not_found: { status: 404, message: 'There is no such declaration (or it was deleted).' },
  // The console: sessions, accounts, roles (apps/server/src/accounts, docs/console.md)
  not_signed_in: { status: 401, message: 'Sign in first: the session is missing, expired or ended.' },
  login_failed: { status: 401, message: 'The username or password is wrong.' },
  account_locked: {
    status: 423,
    message: 'Too many failed sign-ins: this account is locked for a while.',
  },
  totp_required: { status: 401, message: 'This account needs a code from its authenticator app (totp).' },
  totp_invalid: { status: 401, message: 'The authenticator code is wrong or was already used.' },
  totp_already_enabled: {
    status: 409,
    message: 'TOTP is already on for this account; an administrator can reset it with the password.',
  },
  totp_not_enrolled: { status: 409, message: 'Start TOTP enrolment before confirming it.' },
  csrf_token_invalid: {
    status: 403,
    message: 'The X-CSRF-Token header is missing or does not match the session.',
  },
  forbidden_role: { status: 403, message: 'Your role does not allow this action.' },
  forbidden_area: { status: 403, message: 'Your account does not cover this province.' },
  password_too_short: { status: 400, message: 'A password needs at least 10 characters.' },
  invalid_username: {
    status: 400,
    message: 'A username has 3-64 characters: lowercase letters, digits, dot, dash or underscore.',
  },
  invalid_role: { status: 400, message: 'The role must be one of national, province, caseworker, analyst.' },
  invalid_province: {
    status: 400,
    message:
      'The role does not take this province: a provincial officer needs one, a national administrator has none.',
  },
  username_taken: { status: 409, message: 'A user with this username already exists.' },
  user_not_found: { status: 404, message: 'There is no such user.' },
  no_health_authority: {
    status: 409,
    message: "The region's health authority is not provisioned yet: run `bluezone admin init`.",
  },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

export const ERROR_CODE_NAMES = Object.keys(ERROR_CODES) as ErrorCode[];

export function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(ERROR_CODES, code);
}

/** The HTTP status of a code; unknown codes are internal errors. */
export function errorStatus(code: string): number {
  return isErrorCode(code) ? ERROR_CODES[code].status : 500;
}

export function errorMessage(code: string): string {
  return isErrorCode(code) ? ERROR_CODES[code].message : ERROR_CODES.internal.message;
}

/** "Errors: `code` (status), …" for a route's OpenAPI description; every route may also answer `internal`. */
export function describeErrors(codes: readonly ErrorCode[]): string {
  return `Errors: ${[...codes, 'internal' as const].map((c) => `\`${c}\` (${errorStatus(c)})`).join(', ')}.`;
}
