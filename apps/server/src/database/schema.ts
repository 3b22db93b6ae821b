import { sql } from 'drizzle-orm';
import { bigint, boolean, date, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { bytea, tz } from './column-types.js';

// Drizzle's view of apps/server/migrations/*.sql (the SQL files are the source of truth; a test
// checks that every table and column here exists after migrating).

export const healthAuthorities = pgTable('health_authorities', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  region: text('region').notNull().unique(),
  name: text('name').notNull(),
  createdAt: tz('created_at').notNull(),
});

export const apiKeys = pgTable('api_keys', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  healthAuthorityId: uuid('health_authority_id').notNull(),
  type: text('type', { enum: ['admin', 'device'] }).notNull(),
  keyHmac: bytea('key_hmac').notNull().unique(),
  label: text('label').notNull(),
  createdAt: tz('created_at').notNull(),
  revokedAt: tz('revoked_at'),
});

/** The app's device API key, readable (it is public inside the app): migrations/0009_app_device_key.sql. */
export const appDeviceKeys = pgTable('app_device_keys', {
  healthAuthorityId: uuid('health_authority_id').primaryKey(),
  apiKey: text('api_key').notNull(),
  createdAt: tz('created_at').notNull(),
});

export const verificationCodes = pgTable('verification_codes', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  uuid: uuid('uuid').notNull().unique(),
  healthAuthorityId: uuid('health_authority_id').notNull(),
  shortCodeHmac: bytea('short_code_hmac').notNull().unique(),
  longCodeHmac: bytea('long_code_hmac').notNull().unique(),
  testType: text('test_type', { enum: ['confirmed', 'likely', 'negative', 'recursive'] }).notNull(),
  symptomDate: date('symptom_date', { mode: 'string' }),
  testDate: date('test_date', { mode: 'string' }),
  issuedAt: tz('issued_at').notNull(),
  shortExpiresAt: tz('short_expires_at').notNull(),
  longExpiresAt: tz('long_expires_at').notNull(),
  claimedAt: tz('claimed_at'),
  /** The case's province (ISO 3166-2), null when none was given: migrations/0010_provinces.sql. */
  province: text('province'),
});

export const verificationTokens = pgTable('verification_tokens', {
  tokenHmac: bytea('token_hmac').primaryKey(),
  healthAuthorityId: uuid('health_authority_id').notNull(),
  testType: text('test_type', { enum: ['confirmed', 'likely', 'negative', 'recursive'] }).notNull(),
  symptomDate: date('symptom_date', { mode: 'string' }),
  testDate: date('test_date', { mode: 'string' }),
  issuedAt: tz('issued_at').notNull(),
  expiresAt: tz('expires_at').notNull(),
  claimedAt: tz('claimed_at'),
  province: text('province'),
});

export const signingKeys = pgTable('signing_keys', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  purpose: text('purpose', { enum: ['token', 'certificate', 'export'] }).notNull(),
  healthAuthorityId: uuid('health_authority_id'),
  keyId: text('key_id').notNull(),
  keyVersion: text('key_version').notNull(),
  publicKeyPem: text('public_key_pem').notNull(),
  privateKeyEncrypted: bytea('private_key_encrypted').notNull(),
  createdAt: tz('created_at').notNull(),
  active: boolean('active').notNull().default(true),
});

export const issuanceCounters = pgTable(
  'issuance_counters',
  {
    healthAuthorityId: uuid('health_authority_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    issued: integer('issued').notNull(),
  },
  (t) => [primaryKey({ columns: [t.healthAuthorityId, t.day] })],
);

export const exposures = pgTable('exposures', {
  exposureKey: bytea('exposure_key').primaryKey(),
  region: text('region').notNull(),
  healthAuthorityId: uuid('health_authority_id')
    .notNull()
    .references(() => healthAuthorities.id),
  rollingStartIntervalNumber: integer('rolling_start_interval_number').notNull(),
  rollingPeriod: integer('rolling_period').notNull(),
  transmissionRisk: integer('transmission_risk').notNull().default(0),
  reportType: text('report_type').notNull(),
  daysSinceOnsetOfSymptoms: integer('days_since_onset_of_symptoms'),
  traveler: boolean('traveler').notNull().default(false),
  createdAt: tz('created_at').notNull(),
  exportableAt: tz('exportable_at').notNull(),
  revisedReportType: text('revised_report_type'),
  revisedDaysSinceOnsetOfSymptoms: integer('revised_days_since_onset_of_symptoms'),
  revisedTransmissionRisk: integer('revised_transmission_risk'),
  revisedAt: tz('revised_at'),
  revisedExportableAt: tz('revised_exportable_at'),
  /** Home and declared provinces, fixed at the first insert (migrations/0010_provinces.sql). */
  provinces: text('provinces').array().notNull().default(sql`'{}'::text[]`),
});
export * from './accounts.schema.js';
export * from './adoption.schema.js';
export * from './adoption-summaries.schema.js';
export * from './declarations.schema.js';
export * from './export.schema.js';
export * from './planning.schema.js';
export * from './rate-limits.schema.js';
export * from './venues.schema.js';
