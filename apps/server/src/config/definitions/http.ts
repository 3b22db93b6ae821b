// The HTTP API: where it listens, what it accepts, whom it trusts, the origin it is reached at.
// Configuration entries (environment variables); ../config-definition.ts lists them in order.
import type { ConfigEntry } from './entry.js';

export const port = {
  key: 'port',
  env: 'BLUEZONE_PORT',
  kind: 'integer',
  default: '8080',
  min: 0,
  max: 65535,
  description: 'TCP port of the HTTP API (0 picks a free port).',
} as const satisfies ConfigEntry;

export const host = {
  key: 'host',
  env: 'BLUEZONE_HOST',
  kind: 'string',
  default: '127.0.0.1',
  description: 'Address the HTTP API listens on; `0.0.0.0` to accept connections from other machines.',
} as const satisfies ConfigEntry;

export const bodyLimit = {
  key: 'bodyLimit',
  env: 'BLUEZONE_BODY_LIMIT',
  kind: 'integer',
  default: '65536',
  min: 1024,
  max: 1_048_576,
  description: 'Largest request body in bytes (GAEN caps publish requests at 64 KB).',
} as const satisfies ConfigEntry;

export const trustedProxies = {
  key: 'trustedProxies',
  env: 'BLUEZONE_TRUSTED_PROXIES',
  kind: 'string',
  pattern: '^[\\w.:/]+(\\s*,\\s*[\\w.:/]+)*$',
  description:
    'Comma-separated addresses or CIDR ranges of the proxies in front of the server (load balancer, CDN; `loopback`, `uniquelocal` also work). Their `X-Forwarded-For` entries are trusted, so the client address is the one the outermost of them saw. Unset: the TCP peer. The address is used only in memory, for rate limits.',
} as const satisfies ConfigEntry;

export const publicOrigin = {
  key: 'publicOrigin',
  env: 'BLUEZONE_PUBLIC_ORIGIN',
  kind: 'url',
  pattern: '^https?://[^/?#]+$',
  description:
    "The server's public origin, e.g. `https://bluezone.gov.vn`: venue QR codes are `<origin>/c?v=1#…` (docs/checkin.md). Unset: the origin the console's request came in on (behind `BLUEZONE_TRUSTED_PROXIES`: as they say).",
} as const satisfies ConfigEntry;
