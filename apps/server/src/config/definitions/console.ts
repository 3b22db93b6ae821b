// Console sessions and the links it shows.
// Configuration entries (environment variables); ../config-definition.ts lists them in order.
import { type ConfigEntry, DAY, MINUTE } from './entry.js';

export const secureCookies = {
  key: 'secureCookies',
  env: 'BLUEZONE_SECURE_COOKIES',
  kind: 'boolean',
  default: 'false',
  description:
    'Marks the console session cookie `Secure` (sent over HTTPS only). Set `true` whenever the console is reached over HTTPS, as it must be in production.',
} as const satisfies ConfigEntry;

export const consoleIdleTimeout = {
  key: 'consoleIdleTimeout',
  env: 'BLUEZONE_CONSOLE_IDLE_TIMEOUT',
  kind: 'duration',
  default: '30m',
  min: MINUTE,
  max: DAY,
  description: 'A console session ends after this long without a request.',
} as const satisfies ConfigEntry;

export const consoleSessionLifetime = {
  key: 'consoleSessionLifetime',
  env: 'BLUEZONE_CONSOLE_SESSION_LIFETIME',
  kind: 'duration',
  default: '12h',
  min: 5 * MINUTE,
  max: 7 * DAY,
  description: 'A console session ends this long after sign-in, however active it is.',
} as const satisfies ConfigEntry;

export const codeLink = {
  key: 'codeLink',
  env: 'BLUEZONE_CODE_LINK',
  kind: 'string',
  default: 'bluezone://v?c={code}',
  pattern: '\\{code\\}',
  description:
    'The link the console shows (and turns into a QR code) for a long code: `{code}` is replaced by the code, e.g. `https://example.org/v?c={code}`.',
} as const satisfies ConfigEntry;
