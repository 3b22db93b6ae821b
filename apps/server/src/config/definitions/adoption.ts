// Adoption reports.
// Configuration entries (environment variables); ../config-definition.ts lists them in order.
import { type ConfigEntry, MINUTE } from './entry.js';

export const adoptionFlushInterval = {
  key: 'adoptionFlushInterval',
  env: 'BLUEZONE_ADOPTION_FLUSH_INTERVAL',
  kind: 'duration',
  default: '5s',
  min: 100,
  max: MINUTE,
  description:
    "How long each server process keeps the adoption reports it received in memory before adding them to the counter rows (one statement for every row touched). A process that crashes loses at most this much of its counts; a clean stop (SIGTERM) writes them. The console's adoption pages show another process's reports this much later.",
} as const satisfies ConfigEntry;
