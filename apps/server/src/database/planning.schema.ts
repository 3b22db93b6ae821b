import { jsonb, pgTable, real, text } from 'drizzle-orm/pg-core';
import { tz } from './column-types.js';

// Drizzle's view of migrations/0013_adoption_curves.sql (the SQL file is the source of truth).

export const adoptionCurves = pgTable('adoption_curves', {
  inputsHash: text('inputs_hash').primaryKey(),
  regime: text('regime').notNull(),
  inputs: jsonb('inputs').$type<unknown>().notNull(),
  status: text('status', { enum: ['queued', 'computing', 'ready', 'failed'] })
    .notNull()
    .default('queued'),
  progress: real('progress').notNull().default(0),
  leaseOwner: text('lease_owner'),
  leaseExpiresAt: tz('lease_expires_at'),
  curve: jsonb('curve').$type<unknown>(),
  error: text('error'),
  requestedAt: tz('requested_at').notNull(),
  startedAt: tz('started_at'),
  completedAt: tz('completed_at'),
});
