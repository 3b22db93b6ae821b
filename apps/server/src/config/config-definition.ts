// The server's configuration as data: one entry per environment variable. `loadConfig` parses and
// validates it; scripts/generators/config-docs.mjs writes docs/config.md from it. This file imports
// nothing, so a plain Node script can load it through tsx.

export type ConfigKind = 'integer' | 'duration' | 'string' | 'enum' | 'boolean' | 'url' | 'secret';

export interface ConfigEntry {
  readonly key: string;
  readonly env: string;
  readonly kind: ConfigKind;
  /** Written as in the environment (`15m`, `8080`); absent means optional with no value. */
  readonly default?: string;
  readonly min?: number;
  readonly max?: number;
  readonly values?: readonly string[];
  readonly pattern?: string;
  readonly description: string;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const CONFIG_ENTRIES = [
  {
    key: 'port',
    env: 'BLUEZONE_PORT',
    kind: 'integer',
    default: '8080',
    min: 0,
    max: 65535,
    description: 'TCP port of the HTTP API (0 picks a free port).',
  },
  {
    key: 'host',
    env: 'BLUEZONE_HOST',
    kind: 'string',
    default: '127.0.0.1',
    description: 'Address the HTTP API listens on; `0.0.0.0` to accept connections from other machines.',
  },
  {
    key: 'dataDir',
    env: 'BLUEZONE_DATA_DIR',
    kind: 'string',
    default: './.bluezone',
    description: 'Directory for the embedded database, the generated server secret and exported files.',
  },
  {
    key: 'databaseUrl',
    env: 'DATABASE_URL',
    kind: 'url',
    pattern: '^postgres(ql)?://',
    description:
      'PostgreSQL (15 or newer) connection URL. Unset: embedded PostgreSQL (PGlite) in the data directory.',
  },
  {
    key: 'secret',
    env: 'BLUEZONE_SECRET',
    kind: 'secret',
    description:
      'Base64 server secret (at least 32 bytes) from which code/key HMAC keys and the private-key encryption key are derived. Unset: generated once into `<data dir>/secret.key`. Required with `DATABASE_URL` (every replica needs the same one).',
  },
  {
    key: 'logLevel',
    env: 'BLUEZONE_LOG_LEVEL',
    kind: 'enum',
    default: 'info',
    values: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'],
    description: 'pino log level. Logs never contain IP addresses, codes, tokens or key material.',
  },
  {
    key: 'region',
    env: 'BLUEZONE_REGION',
    kind: 'string',
    default: 'VN',
    pattern: '^[A-Z]{2}(-[A-Z0-9]{1,3})?$',
    description:
      'Region `bluezone admin init` provisions when given no `--region` (ISO 3166 code, optionally a subdivision).',
  },
  {
    key: 'appDeviceApiKey',
    env: 'BLUEZONE_APP_DEVICE_API_KEY',
    kind: 'string',
    pattern: '^[A-Za-z0-9_-]{16,200}$',
    description:
      'The device API key the citizen app served at `/app/` uses. Unset: the one `bluezone admin init` provisioned for the app (kept in the database); with neither, `GET /app/config.json` answers 503 `app_config_unavailable` saying what to run (docs/operations.md).',
  },
  {
    key: 'notices',
    env: 'BLUEZONE_NOTICES',
    kind: 'string',
    description:
      "Path of a JSON file with the health authority's notices and FAQ for the app (`{notices: [{id, title, body}], faq: [{question, answer}]}`, every text `{vi, en}`), served at `/v1/notices/{region}` and validated at start. Unset: two built-in notices and the app's own FAQ.",
  },
  {
    key: 'riskConfiguration',
    env: 'BLUEZONE_RISK_CONFIG',
    kind: 'string',
    default: 'bluezone',
    description:
      'Risk configuration phones score exposures with, published at `/v1/exports/{region}/risk-configuration.json`: a preset (`bluezone`, `cwa`, `enx`, `dp3t`) or the path of a JSON file in the same shape (validated at start).',
  },
  {
    key: 'shortCodeLifetime',
    env: 'BLUEZONE_SHORT_CODE_LIFETIME',
    kind: 'duration',
    default: '15m',
    min: MINUTE,
    max: HOUR,
    description: 'How long an 8-digit short code can be verified.',
  },
  {
    key: 'longCodeLifetime',
    env: 'BLUEZONE_LONG_CODE_LIFETIME',
    kind: 'duration',
    default: '24h',
    min: HOUR,
    max: 2 * DAY,
    description: 'How long a 16-character long code (sent as a link) can be verified.',
  },
  {
    key: 'tokenLifetime',
    env: 'BLUEZONE_TOKEN_LIFETIME',
    kind: 'duration',
    default: '24h',
    min: MINUTE,
    max: 14 * DAY,
    description: 'How long the token from `/api/verify` can be exchanged for a certificate.',
  },
  {
    key: 'certificateLifetime',
    env: 'BLUEZONE_CERTIFICATE_LIFETIME',
    kind: 'duration',
    default: '15m',
    min: MINUTE,
    max: HOUR,
    description: 'Lifetime of a verification certificate (the `exp` claim).',
  },
  {
    key: 'certificateIssuer',
    env: 'BLUEZONE_CERTIFICATE_ISSUER',
    kind: 'string',
    default: 'bluezone-verification',
    description: 'The `iss` claim of tokens and certificates.',
  },
  {
    key: 'certificateAudience',
    env: 'BLUEZONE_CERTIFICATE_AUDIENCE',
    kind: 'string',
    default: 'bluezone-keyserver',
    description: 'The `aud` claim of certificates; the key server accepts only this audience.',
  },
  {
    key: 'maxDateAge',
    env: 'BLUEZONE_MAX_DATE_AGE',
    kind: 'duration',
    default: '14d',
    min: DAY,
    max: 30 * DAY,
    description: 'Oldest symptom or test date a code may carry.',
  },
  {
    key: 'verifyRateLimit',
    env: 'BLUEZONE_VERIFY_RATE_LIMIT',
    kind: 'integer',
    default: '10',
    min: 1,
    max: 10_000,
    description:
      'Requests to `/api/verify` and `/api/certificate` allowed per API key and client per window (code guessing; see docs/security.md).',
  },
  {
    key: 'rateLimitWindow',
    env: 'BLUEZONE_RATE_LIMIT_WINDOW',
    kind: 'duration',
    default: '1m',
    min: 1000,
    max: DAY,
    description:
      'Window of the verification and declaration rate limits: sliding, shared by every server process through PostgreSQL.',
  },
  {
    key: 'signInAddressLimit',
    env: 'BLUEZONE_SIGNIN_ADDRESS_LIMIT',
    kind: 'integer',
    default: '30',
    min: 1,
    max: 100_000,
    description:
      'Console sign-ins (`POST /console/api/session`) allowed per client address (IPv6 grouped by /64) per `BLUEZONE_SIGNIN_RATE_WINDOW`, counted before any password is hashed; more answer 429 `rate_limited` with `Retry-After`.',
  },
  {
    key: 'signInAccountLimit',
    env: 'BLUEZONE_SIGNIN_ACCOUNT_LIMIT',
    kind: 'integer',
    default: '10',
    min: 1,
    max: 100_000,
    description:
      'Console sign-ins allowed per username (known or not) per `BLUEZONE_SIGNIN_RATE_WINDOW`, on top of the lockout after 5 failures.',
  },
  {
    key: 'signInRateWindow',
    env: 'BLUEZONE_SIGNIN_RATE_WINDOW',
    kind: 'duration',
    default: '1m',
    min: 1000,
    max: DAY,
    description: 'Window of the sign-in limits: sliding, shared by every server process through PostgreSQL.',
  },
  {
    key: 'signInHashesInFlight',
    env: 'BLUEZONE_SIGNIN_HASHES_IN_FLIGHT',
    kind: 'integer',
    default: '2',
    min: 1,
    max: 64,
    description:
      'Password hashes (scrypt, 32 MiB and about 50-100 ms each) one process runs at once; more sign-ins wait up to `BLUEZONE_SIGNIN_HASH_WAIT`, then answer 429 `rate_limited`.',
  },
  {
    key: 'signInConcurrentPerAddress',
    env: 'BLUEZONE_SIGNIN_CONCURRENT_PER_ADDRESS',
    kind: 'integer',
    default: '2',
    min: 1,
    max: 1000,
    description:
      'Sign-ins one client address (IPv6 by /64) may have in progress in one process; more answer 429 `rate_limited` with `Retry-After: 1` at once, before any database work or hashing, so a flood from one address cannot hold the hash slots others wait for.',
  },
  {
    key: 'signInHashWait',
    env: 'BLUEZONE_SIGNIN_HASH_WAIT',
    kind: 'duration',
    default: '2s',
    min: 0,
    max: MINUTE,
    description:
      'Longest a sign-in waits for a free password-hash slot before it answers 429 `rate_limited`.',
  },
  {
    key: 'dailyIssueQuota',
    env: 'BLUEZONE_DAILY_ISSUE_QUOTA',
    kind: 'integer',
    default: '10000',
    min: 1,
    max: 10_000_000,
    description: 'Codes one health authority may issue per UTC day.',
  },
  {
    key: 'bodyLimit',
    env: 'BLUEZONE_BODY_LIMIT',
    kind: 'integer',
    default: '65536',
    min: 1024,
    max: 1_048_576,
    description: 'Largest request body in bytes (GAEN caps publish requests at 64 KB).',
  },
  {
    key: 'trustedProxies',
    env: 'BLUEZONE_TRUSTED_PROXIES',
    kind: 'string',
    pattern: '^[\\w.:/]+(\\s*,\\s*[\\w.:/]+)*$',
    description:
      'Comma-separated addresses or CIDR ranges of the proxies in front of the server (load balancer, CDN; `loopback`, `uniquelocal` also work). Their `X-Forwarded-For` entries are trusted, so the client address is the one the outermost of them saw. Unset: the TCP peer. The address is used only in memory, for rate limits.',
  },
  {
    key: 'exportInterval',
    env: 'BLUEZONE_EXPORT_INTERVAL',
    kind: 'duration',
    default: '1h',
    min: MINUTE,
    max: DAY,
    description:
      'Length of an export batch and how often the export worker runs: batches end on multiples of it (UTC). Default hourly.',
  },
  {
    key: 'exportProvinceInterval',
    env: 'BLUEZONE_EXPORT_PROVINCE_INTERVAL',
    kind: 'duration',
    default: '24h',
    min: MINUTE,
    max: DAY,
    description:
      "Length of a province export set's batch (`/v1/exports/VN-20/…`): batches end on multiples of it (UTC). Default daily, so a province's phones download one padded file a day (docs/decisions/0012).",
  },
  {
    key: 'exportPaddingMin',
    env: 'BLUEZONE_EXPORT_PADDING_MIN',
    kind: 'integer',
    default: '1000',
    min: 0,
    max: 100_000,
    description:
      'An export file with fewer keys is padded with random keys up to this many (plus the jitter below), so its size does not tell how many people published.',
  },
  {
    key: 'exportPaddingJitter',
    env: 'BLUEZONE_EXPORT_PADDING_JITTER',
    kind: 'integer',
    default: '100',
    min: 0,
    max: 10_000,
    description: 'Padding adds a random 0…this many keys on top of `BLUEZONE_EXPORT_PADDING_MIN`.',
  },
  {
    key: 'exportMaxKeysPerFile',
    env: 'BLUEZONE_EXPORT_MAX_KEYS_PER_FILE',
    kind: 'integer',
    default: '500000',
    min: 10,
    max: 500_000,
    description:
      'Most keys (real and revised) in one export file; a batch with more is split into several files. Must be at least padding min + jitter.',
  },
  {
    key: 'exportSigningKeys',
    env: 'BLUEZONE_EXPORT_SIGNING_KEYS',
    kind: 'string',
    pattern: '^[\\w.-]+/[\\w.-]+(\\s*,\\s*[\\w.-]+/[\\w.-]+)*$',
    description:
      "Comma-separated `keyId/keyVersion` export signing keys that sign export files in addition to each region's active key, e.g. the previous key while a rotation reaches phones (docs/operations.md). Unset: only the active key signs.",
  },
  {
    key: 'exportLease',
    env: 'BLUEZONE_EXPORT_LEASE',
    kind: 'duration',
    default: '15m',
    min: 10_000,
    max: 6 * HOUR,
    description:
      "How long a worker may hold an export batch before another process takes it over (a crashed worker's batch is retried after this).",
  },
  {
    key: 'cleanupInterval',
    env: 'BLUEZONE_CLEANUP_INTERVAL',
    kind: 'duration',
    default: '1h',
    min: MINUTE,
    max: DAY,
    description: 'How often expired codes, tokens and other data past retention are deleted.',
  },
  {
    key: 'adoptionFlushInterval',
    env: 'BLUEZONE_ADOPTION_FLUSH_INTERVAL',
    kind: 'duration',
    default: '5s',
    min: 100,
    max: MINUTE,
    description:
      "How long each server process keeps the adoption reports it received in memory before adding them to the counter rows (one statement for every row touched). A process that crashes loses at most this much of its counts; a clean stop (SIGTERM) writes them. The console's adoption pages show another process's reports this much later.",
  },
  {
    key: 'metricsToken',
    env: 'BLUEZONE_METRICS_TOKEN',
    kind: 'secret',
    description:
      'Bearer token Prometheus sends to scrape `GET /metrics` (`Authorization: Bearer <token>`), e.g. from `openssl rand -base64 32`. Unset: `/metrics` answers 404 (the counts are not public: they would tell how many people published).',
  },
  {
    key: 'blobUrl',
    env: 'BLUEZONE_BLOB_URL',
    kind: 'url',
    pattern: '^s3://[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](/[^?]*)?(\\?.*)?$',
    description:
      "S3-compatible object storage for export files: `s3://bucket[/prefix][?endpoint=http://127.0.0.1:9000&region=us-east-1]` (with an endpoint, path-style requests). Credentials from `AWS_ACCESS_KEY_ID` / `AWS_SECRET_ACCESS_KEY` (or the SDK's other usual sources). Unset: the filesystem under `<data dir>/exports`.",
  },
  {
    key: 'keyRetention',
    env: 'BLUEZONE_KEY_RETENTION',
    kind: 'duration',
    default: '14d',
    min: DAY,
    max: 30 * DAY,
    description:
      'How long published diagnosis keys are kept after their rolling period ends (and export files, once all their keys are past it). Phones keep what they heard 14 days.',
  },
  {
    key: 'codeRetention',
    env: 'BLUEZONE_CODE_RETENTION',
    kind: 'duration',
    default: '48h',
    min: HOUR,
    max: 30 * DAY,
    description: 'How long verification codes and tokens are kept after they expire.',
  },
  {
    key: 'declarationRetention',
    env: 'BLUEZONE_DECLARATION_RETENTION',
    kind: 'duration',
    default: '30d',
    min: DAY,
    max: 90 * DAY,
    description:
      'How long F1/F2 declarations (their encrypted name, phone and address) are kept after the UTC day they were received.',
  },
  {
    key: 'secureCookies',
    env: 'BLUEZONE_SECURE_COOKIES',
    kind: 'boolean',
    default: 'false',
    description:
      'Marks the console session cookie `Secure` (sent over HTTPS only). Set `true` whenever the console is reached over HTTPS, as it must be in production.',
  },
  {
    key: 'consoleIdleTimeout',
    env: 'BLUEZONE_CONSOLE_IDLE_TIMEOUT',
    kind: 'duration',
    default: '30m',
    min: MINUTE,
    max: DAY,
    description: 'A console session ends after this long without a request.',
  },
  {
    key: 'consoleSessionLifetime',
    env: 'BLUEZONE_CONSOLE_SESSION_LIFETIME',
    kind: 'duration',
    default: '12h',
    min: 5 * MINUTE,
    max: 7 * DAY,
    description: 'A console session ends this long after sign-in, however active it is.',
  },
  {
    key: 'codeLink',
    env: 'BLUEZONE_CODE_LINK',
    kind: 'string',
    default: 'bluezone://v?c={code}',
    pattern: '\\{code\\}',
    description:
      'The link the console shows (and turns into a QR code) for a long code: `{code}` is replaced by the code, e.g. `https://example.org/v?c={code}`.',
  },
] as const satisfies readonly ConfigEntry[];
