import { integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { bytea, tz } from './column-types.js';

// Drizzle's view of migrations/0008_rate_limits.sql (the SQL file is the source of truth).

export const rateLimitCounts = pgTable(
  'rate_limit_counts',
  {
    scope: text('scope').notNull(),
    windowStart: tz('window_start').notNull(),
    keyHmac: bytea('key_hmac').notNull(),
    hits: integer('hits').notNull(),
    expiresAt: tz('expires_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.windowStart, t.keyHmac] })],
);
