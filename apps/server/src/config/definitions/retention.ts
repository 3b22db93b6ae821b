// Cleanup: how often it runs and how long data is kept.
// Configuration entries (environment variables); ../config-definition.ts lists them in order.
import { type ConfigEntry, DAY, HOUR, MINUTE } from './entry.js';

export const cleanupInterval = {
  key: 'cleanupInterval',
  env: 'BLUEZONE_CLEANUP_INTERVAL',
  kind: 'duration',
  default: '1h',
  min: MINUTE,
  max: DAY,
  description: 'How often expired codes, tokens and other data past retention are deleted.',
} as const satisfies ConfigEntry;

export const keyRetention = {
  key: 'keyRetention',
  env: 'BLUEZONE_KEY_RETENTION',
  kind: 'duration',
  default: '14d',
  min: DAY,
  max: 30 * DAY,
  description:
    'How long published diagnosis keys are kept after their rolling period ends (and export files, once all their keys are past it). Phones keep what they heard 14 days.',
} as const satisfies ConfigEntry;

export const codeRetention = {
  key: 'codeRetention',
  env: 'BLUEZONE_CODE_RETENTION',
  kind: 'duration',
  default: '48h',
  min: HOUR,
  max: 30 * DAY,
  description: 'How long verification codes and tokens are kept after they expire.',
} as const satisfies ConfigEntry;

export const declarationRetention = {
  key: 'declarationRetention',
  env: 'BLUEZONE_DECLARATION_RETENTION',
  kind: 'duration',
  default: '30d',
  min: DAY,
  max: 90 * DAY,
  description:
    'How long F1/F2 declarations (their encrypted name, phone and address) are kept after the UTC day they were received.',
} as const satisfies ConfigEntry;
