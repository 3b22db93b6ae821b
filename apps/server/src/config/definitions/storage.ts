// Where the server keeps its data: the data directory, PostgreSQL, the server secret, export files.
// Configuration entries (environment variables); ../config-definition.ts lists them in order.
import type { ConfigEntry } from './entry.js';

export const dataDir = {
  key: 'dataDir',
  env: 'BLUEZONE_DATA_DIR',
  kind: 'string',
  default: './.bluezone',
  description: 'Directory for the embedded database, the generated server secret and exported files.',
} as const satisfies ConfigEntry;

export const databaseUrl = {
  key: 'databaseUrl',
  env: 'DATABASE_URL',
  kind: 'url',
  pattern: '^postgres(ql)?://',
  description:
    'PostgreSQL (15 or newer) connection URL. Unset: embedded PostgreSQL (PGlite) in the data directory.',
} as const satisfies ConfigEntry;

export const databasePooler = {
  key: 'databasePooler',
  env: 'BLUEZONE_DATABASE_POOLER',
  kind: 'enum',
  default: 'none',
  values: ['none', 'pgbouncer-transaction'],
  description:
    '`none`: `DATABASE_URL` is PostgreSQL itself (or a pooler in session mode). `pgbouncer-transaction`: it is PgBouncer in transaction mode, so the server sends no named prepared statements (docs/operations.md, "Connection pooling").',
} as const satisfies ConfigEntry;

export const secret = {
  key: 'secret',
  env: 'BLUEZONE_SECRET',
  kind: 'secret',
  description:
    'Base64 server secret (at least 32 bytes) from which code/key HMAC keys and the private-key encryption key are derived. Unset: generated once into `<data dir>/secret.key`. Required with `DATABASE_URL` (every replica needs the same one).',
} as const satisfies ConfigEntry;

export const blobUrl = {
  key: 'blobUrl',
  env: 'BLUEZONE_BLOB_URL',
  kind: 'url',
  pattern: '^s3://[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](/[^?]*)?(\\?.*)?$',
  description:
    "S3-compatible object storage for export files: `s3://bucket[/prefix][?endpoint=http://127.0.0.1:9000&region=us-east-1]` (with an endpoint, path-style requests). Credentials from `AWS_ACCESS_KEY_ID` / `AWS_SECRET_ACCESS_KEY` (or the SDK's other usual sources). Unset: the filesystem under `<data dir>/exports`.",
} as const satisfies ConfigEntry;
