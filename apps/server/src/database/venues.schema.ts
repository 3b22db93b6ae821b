import { sql } from 'drizzle-orm';
import { bigserial, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { bytea, tz } from './column-types.js';

// Drizzle's view of migrations/0011_venues.sql and 0014_trace_warning_provinces.sql (the SQL files are the source of truth).

export const venues = pgTable('venues', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  organisation: text('organisation'),
  province: text('province').notNull(),
  district: text('district'),
  name: text('name').notNull(),
  address: text('address').notNull(),
  locationType: integer('location_type').notNull(),
  defaultCheckInMinutes: integer('default_check_in_minutes').notNull(),
  startsAt: tz('starts_at'),
  endsAt: tz('ends_at'),
  seed: bytea('seed').notNull(),
  payload: bytea('payload').notNull(),
  locationId: bytea('location_id').notNull(),
  createdAt: tz('created_at').notNull(),
  updatedAt: tz('updated_at').notNull(),
});

export const TRACE_WARNING_SOURCES = ['upload', 'venue'] as const;

export const traceWarnings = pgTable('trace_warnings', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  locationIdHash: bytea('location_id_hash').notNull(),
  startIntervalNumber: integer('start_interval_number').notNull(),
  period: integer('period').notNull(),
  transmissionRiskLevel: integer('transmission_risk_level').notNull(),
  receivedHour: integer('received_hour').notNull(),
  source: text('source', { enum: TRACE_WARNING_SOURCES }).notNull(),
  /** The provinces' sets it is published in besides the national one (migrations/0014). */
  provinces: text('provinces').array().notNull().default(sql`'{}'`),
});

export const traceWarningCertificates = pgTable('trace_warning_certificates', {
  certificateHash: bytea('certificate_hash').primaryKey(),
  expiresAt: tz('expires_at').notNull(),
});

export const traceWarningPackages = pgTable(
  'trace_warning_packages',
  {
    region: text('region').notNull(),
    hour: integer('hour').notNull(),
    /** Hours the package covers from `hour` (migrations/0014). */
    hours: integer('hours').notNull().default(1),
    status: text('status', { enum: ['open', 'pending', 'complete'] })
      .notNull()
      .default('open'),
    leaseOwner: text('lease_owner'),
    leaseExpiresAt: tz('lease_expires_at'),
    warningCount: integer('warning_count').notNull().default(0),
    createdAt: tz('created_at').notNull(),
    completedAt: tz('completed_at'),
  },
  (t) => [primaryKey({ columns: [t.region, t.hour] })],
);
