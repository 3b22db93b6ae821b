// Export batches and files (national and province sets).
// Configuration entries (environment variables); ../config-definition.ts lists them in order.
import { type ConfigEntry, DAY, HOUR, MINUTE } from './entry.js';

export const exportInterval = {
  key: 'exportInterval',
  env: 'BLUEZONE_EXPORT_INTERVAL',
  kind: 'duration',
  default: '1h',
  min: MINUTE,
  max: DAY,
  description:
    'Length of an export batch and how often the export worker runs: batches end on multiples of it (UTC). Default hourly.',
} as const satisfies ConfigEntry;

export const exportProvinceInterval = {
  key: 'exportProvinceInterval',
  env: 'BLUEZONE_EXPORT_PROVINCE_INTERVAL',
  kind: 'duration',
  default: '24h',
  min: MINUTE,
  max: DAY,
  description:
    "Length of a province export set's batch (`/v1/exports/VN-20/…`): batches end on multiples of it (UTC). Default daily, so a province's phones download one padded file a day (docs/decisions/0012). A province's venue warning packages (`/v1/trace-warnings/VN-20/…`) cover it in whole hours, 1 to 24 (docs/decisions/0020).",
} as const satisfies ConfigEntry;

export const exportPaddingMin = {
  key: 'exportPaddingMin',
  env: 'BLUEZONE_EXPORT_PADDING_MIN',
  kind: 'integer',
  default: '1000',
  min: 0,
  max: 100_000,
  description:
    'An export file with fewer keys is padded with random keys up to this many (plus the jitter below), so its size does not tell how many people published.',
} as const satisfies ConfigEntry;

export const exportPaddingJitter = {
  key: 'exportPaddingJitter',
  env: 'BLUEZONE_EXPORT_PADDING_JITTER',
  kind: 'integer',
  default: '100',
  min: 0,
  max: 10_000,
  description: 'Padding adds a random 0…this many keys on top of `BLUEZONE_EXPORT_PADDING_MIN`.',
} as const satisfies ConfigEntry;

export const exportMaxKeysPerFile = {
  key: 'exportMaxKeysPerFile',
  env: 'BLUEZONE_EXPORT_MAX_KEYS_PER_FILE',
  kind: 'integer',
  default: '500000',
  min: 10,
  max: 500_000,
  description:
    'Most keys (real and revised) in one export file; a batch with more is split into several files. Must be at least padding min + jitter.',
} as const satisfies ConfigEntry;

export const exportSigningKeys = {
  key: 'exportSigningKeys',
  env: 'BLUEZONE_EXPORT_SIGNING_KEYS',
  kind: 'string',
  pattern: '^[\\w.-]+/[\\w.-]+(\\s*,\\s*[\\w.-]+/[\\w.-]+)*$',
  description:
    "Comma-separated `keyId/keyVersion` export signing keys that sign export files in addition to each region's active key, e.g. the previous key while a rotation reaches phones (docs/operations.md). Unset: only the active key signs.",
} as const satisfies ConfigEntry;

export const exportLease = {
  key: 'exportLease',
  env: 'BLUEZONE_EXPORT_LEASE',
  kind: 'duration',
  default: '15m',
  min: 10_000,
  max: 6 * HOUR,
  description:
    "How long a worker may hold an export batch before another process takes it over (a crashed worker's batch is retried after this).",
} as const satisfies ConfigEntry;
