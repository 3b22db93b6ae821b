// Logs and metrics.
// Configuration entries (environment variables); ../config-definition.ts lists them in order.
import type { ConfigEntry } from './entry.js';

export const logLevel = {
  key: 'logLevel',
  env: 'BLUEZONE_LOG_LEVEL',
  kind: 'enum',
  default: 'info',
  values: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'],
  description: 'pino log level. Logs never contain IP addresses, codes, tokens or key material.',
} as const satisfies ConfigEntry;

export const metricsToken = {
  key: 'metricsToken',
  env: 'BLUEZONE_METRICS_TOKEN',
  kind: 'secret',
  description:
    'Bearer token Prometheus sends to scrape `GET /metrics` (`Authorization: Bearer <token>`), e.g. from `openssl rand -base64 32`. Unset: `/metrics` answers 404 (the counts are not public: they would tell how many people published).',
} as const satisfies ConfigEntry;
