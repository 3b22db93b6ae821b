import { bigint, bigserial, integer, pgTable, text, unique } from 'drizzle-orm/pg-core';
import { tz } from './column-types.js';

// Drizzle's view of migrations/0003_exports.sql (the SQL file is the source of truth).

export const exportBatches = pgTable(
  'export_batches',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    region: text('region').notNull(),
    startTimestamp: tz('start_timestamp').notNull(),
    endTimestamp: tz('end_timestamp').notNull(),
    status: text('status', { enum: ['open', 'pending', 'complete'] })
      .notNull()
      .default('open'),
    leaseOwner: text('lease_owner'),
    leaseExpiresAt: tz('lease_expires_at'),
    createdAt: tz('created_at').notNull(),
    completedAt: tz('completed_at'),
  },
  (t) => [unique().on(t.region, t.startTimestamp)],
);

export const exportFiles = pgTable(
  'export_files',
  {
    path: text('path').primaryKey(),
    batchId: bigint('batch_id', { mode: 'number' })
      .notNull()
      .references(() => exportBatches.id, { onDelete: 'cascade' }),
    region: text('region').notNull(),
    batchNum: integer('batch_num').notNull(),
    batchSize: integer('batch_size').notNull(),
    keyCount: integer('key_count').notNull(),
    createdAt: tz('created_at').notNull(),
  },
  (t) => [unique().on(t.batchId, t.batchNum)],
);
