// Verification codes, tokens and certificates: lifetimes, claims, rate limits, quotas.
// Configuration entries (environment variables); ../config-definition.ts lists them in order.
import { type ConfigEntry, DAY, HOUR, MINUTE } from './entry.js';

export const shortCodeLifetime = {
  key: 'shortCodeLifetime',
  env: 'BLUEZONE_SHORT_CODE_LIFETIME',
  kind: 'duration',
  default: '15m',
  min: MINUTE,
  max: HOUR,
  description: 'How long an 8-digit short code can be verified.',
} as const satisfies ConfigEntry;

export const longCodeLifetime = {
  key: 'longCodeLifetime',
  env: 'BLUEZONE_LONG_CODE_LIFETIME',
  kind: 'duration',
  default: '24h',
  min: HOUR,
  max: 2 * DAY,
  description: 'How long a 16-character long code (sent as a link) can be verified.',
} as const satisfies ConfigEntry;

export const tokenLifetime = {
  key: 'tokenLifetime',
  env: 'BLUEZONE_TOKEN_LIFETIME',
  kind: 'duration',
  default: '24h',
  min: MINUTE,
  max: 14 * DAY,
  description: 'How long the token from `/api/verify` can be exchanged for a certificate.',
} as const satisfies ConfigEntry;

export const certificateLifetime = {
  key: 'certificateLifetime',
  env: 'BLUEZONE_CERTIFICATE_LIFETIME',
  kind: 'duration',
  default: '15m',
  min: MINUTE,
  max: HOUR,
  description: 'Lifetime of a verification certificate (the `exp` claim).',
} as const satisfies ConfigEntry;

export const certificateIssuer = {
  key: 'certificateIssuer',
  env: 'BLUEZONE_CERTIFICATE_ISSUER',
  kind: 'string',
  default: 'bluezone-verification',
  description: 'The `iss` claim of tokens and certificates.',
} as const satisfies ConfigEntry;

export const certificateAudience = {
  key: 'certificateAudience',
  env: 'BLUEZONE_CERTIFICATE_AUDIENCE',
  kind: 'string',
  default: 'bluezone-keyserver',
  description: 'The `aud` claim of certificates; the key server accepts only this audience.',
} as const satisfies ConfigEntry;

export const maxDateAge = {
  key: 'maxDateAge',
  env: 'BLUEZONE_MAX_DATE_AGE',
  kind: 'duration',
  default: '14d',
  min: DAY,
  max: 30 * DAY,
  description: 'Oldest symptom or test date a code may carry.',
} as const satisfies ConfigEntry;

export const verifyRateLimit = {
  key: 'verifyRateLimit',
  env: 'BLUEZONE_VERIFY_RATE_LIMIT',
  kind: 'integer',
  default: '10',
  min: 1,
  max: 10_000,
  description:
    'Requests to `/api/verify` and `/api/certificate` allowed per API key and client per window (code guessing; see docs/security.md).',
} as const satisfies ConfigEntry;

export const rateLimitWindow = {
  key: 'rateLimitWindow',
  env: 'BLUEZONE_RATE_LIMIT_WINDOW',
  kind: 'duration',
  default: '1m',
  min: 1000,
  max: DAY,
  description:
    'Window of the verification and declaration rate limits: sliding, shared by every server process through PostgreSQL.',
} as const satisfies ConfigEntry;

export const dailyIssueQuota = {
  key: 'dailyIssueQuota',
  env: 'BLUEZONE_DAILY_ISSUE_QUOTA',
  kind: 'integer',
  default: '10000',
  min: 1,
  max: 10_000_000,
  description: 'Codes one health authority may issue per UTC day.',
} as const satisfies ConfigEntry;
