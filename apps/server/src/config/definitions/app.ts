// What the citizen app and phones are served: region, app key, notices, risk configuration.
// Configuration entries (environment variables); ../config-definition.ts lists them in order.
import type { ConfigEntry } from './entry.js';

export const region = {
  key: 'region',
  env: 'BLUEZONE_REGION',
  kind: 'string',
  default: 'VN',
  pattern: '^[A-Z]{2}(-[A-Z0-9]{1,3})?$',
  description:
    'Region `bluezone admin init` provisions when given no `--region` (ISO 3166 code, optionally a subdivision).',
} as const satisfies ConfigEntry;

export const appDeviceApiKey = {
  key: 'appDeviceApiKey',
  env: 'BLUEZONE_APP_DEVICE_API_KEY',
  kind: 'string',
  pattern: '^[A-Za-z0-9_-]{16,200}$',
  description:
    'The device API key the citizen app served at `/app/` uses. Unset: the one `bluezone admin init` provisioned for the app (kept in the database); with neither, `GET /app/config.json` answers 503 `app_config_unavailable` saying what to run (docs/operations.md).',
} as const satisfies ConfigEntry;

export const notices = {
  key: 'notices',
  env: 'BLUEZONE_NOTICES',
  kind: 'string',
  description:
    "Path of a JSON file with the health authority's notices and FAQ for the app (`{notices: [{id, title, body}], faq: [{question, answer}]}`, every text `{vi, en}`), served at `/v1/notices/{region}` and validated at start. Unset: two built-in notices and the app's own FAQ.",
} as const satisfies ConfigEntry;

export const riskConfiguration = {
  key: 'riskConfiguration',
  env: 'BLUEZONE_RISK_CONFIG',
  kind: 'string',
  default: 'bluezone',
  description:
    'Risk configuration phones score exposures with, published at `/v1/exports/{region}/risk-configuration.json`: a preset (`bluezone`, `cwa`, `enx`, `dp3t`) or the path of a JSON file in the same shape (validated at start).',
} as const satisfies ConfigEntry;
