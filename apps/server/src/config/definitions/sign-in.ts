// Console sign-in limits.
// Configuration entries (environment variables); ../config-definition.ts lists them in order.
import { type ConfigEntry, DAY, MINUTE } from './entry.js';

export const signInAddressLimit = {
  key: 'signInAddressLimit',
  env: 'BLUEZONE_SIGNIN_ADDRESS_LIMIT',
  kind: 'integer',
  default: '30',
  min: 1,
  max: 100_000,
  description:
    'Console sign-ins (`POST /console/api/session`) allowed per client address (IPv6 grouped by /64) per `BLUEZONE_SIGNIN_RATE_WINDOW`, counted before any password is hashed; more answer 429 `rate_limited` with `Retry-After`.',
} as const satisfies ConfigEntry;

export const signInAccountLimit = {
  key: 'signInAccountLimit',
  env: 'BLUEZONE_SIGNIN_ACCOUNT_LIMIT',
  kind: 'integer',
  default: '10',
  min: 1,
  max: 100_000,
  description:
    'Console sign-ins allowed per username (known or not) per `BLUEZONE_SIGNIN_RATE_WINDOW`, on top of the lockout after 5 failures.',
} as const satisfies ConfigEntry;

export const signInRateWindow = {
  key: 'signInRateWindow',
  env: 'BLUEZONE_SIGNIN_RATE_WINDOW',
  kind: 'duration',
  default: '1m',
  min: 1000,
  max: DAY,
  description: 'Window of the sign-in limits: sliding, shared by every server process through PostgreSQL.',
} as const satisfies ConfigEntry;

export const signInHashesInFlight = {
  key: 'signInHashesInFlight',
  env: 'BLUEZONE_SIGNIN_HASHES_IN_FLIGHT',
  kind: 'integer',
  default: '2',
  min: 1,
  max: 64,
  description:
    'Password hashes (scrypt, 32 MiB and about 50-100 ms each) one process runs at once; more sign-ins wait up to `BLUEZONE_SIGNIN_HASH_WAIT`, then answer 429 `rate_limited`.',
} as const satisfies ConfigEntry;

export const signInConcurrentPerAddress = {
  key: 'signInConcurrentPerAddress',
  env: 'BLUEZONE_SIGNIN_CONCURRENT_PER_ADDRESS',
  kind: 'integer',
  default: '2',
  min: 1,
  max: 1000,
  description:
    'Sign-ins one client address (IPv6 by /64) may have in progress in one process; more answer 429 `rate_limited` with `Retry-After: 1` at once, before any database work or hashing, so a flood from one address cannot hold the hash slots others wait for.',
} as const satisfies ConfigEntry;

export const signInHashWait = {
  key: 'signInHashWait',
  env: 'BLUEZONE_SIGNIN_HASH_WAIT',
  kind: 'duration',
  default: '2s',
  min: 0,
  max: MINUTE,
  description: 'Longest a sign-in waits for a free password-hash slot before it answers 429 `rate_limited`.',
} as const satisfies ConfigEntry;
