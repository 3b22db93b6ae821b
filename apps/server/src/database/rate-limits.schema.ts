import { customType, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

// Drizzle's view of migrations/0008_rate_limits.sql (the SQL file is the source of truth).

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => new Uint8Array(value),
});
const tz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

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
