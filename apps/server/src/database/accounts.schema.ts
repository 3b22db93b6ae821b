import { sql } from 'drizzle-orm';
import { bigint, boolean, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { bytea, tz } from './column-types.js';

// Drizzle's view of migrations/0005_accounts.sql (the SQL file is the source of truth).

export const CONSOLE_ROLES = ['national', 'province', 'caseworker', 'analyst'] as const;
export type ConsoleRole = (typeof CONSOLE_ROLES)[number];

export const consoleUsers = pgTable('console_users', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  username: text('username').notNull().unique(),
  passwordHash: text('password_hash').notNull(),
  role: text('role', { enum: CONSOLE_ROLES }).notNull(),
  province: text('province'),
  totpSecretEncrypted: bytea('totp_secret_encrypted'),
  totpConfirmedAt: tz('totp_confirmed_at'),
  totpLastStep: bigint('totp_last_step', { mode: 'number' }),
  failedAttempts: integer('failed_attempts').notNull().default(0),
  lockedUntil: tz('locked_until'),
  disabled: boolean('disabled').notNull().default(false),
  createdAt: tz('created_at').notNull(),
});

export const consoleSessions = pgTable('console_sessions', {
  idHash: bytea('id_hash').primaryKey(),
  userId: uuid('user_id')
    .notNull()
    .references(() => consoleUsers.id, { onDelete: 'cascade' }),
  createdAt: tz('created_at').notNull(),
  expiresAt: tz('expires_at').notNull(),
  lastSeenAt: tz('last_seen_at').notNull(),
  csrfTokenHash: bytea('csrf_token_hash').notNull(),
});

export const consoleCodes = pgTable('console_codes', {
  uuid: uuid('uuid').primaryKey(),
  userId: uuid('user_id')
    .notNull()
    .references(() => consoleUsers.id),
  username: text('username').notNull(),
  province: text('province'),
  testType: text('test_type').notNull(),
  issuedAt: tz('issued_at').notNull(),
});

export const auditLog = pgTable('audit_log', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  at: tz('at').notNull(),
  userId: uuid('user_id'),
  username: text('username'),
  action: text('action').notNull(),
  target: text('target'),
  province: text('province'),
  details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
});
