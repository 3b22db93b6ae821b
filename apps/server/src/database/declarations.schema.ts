import { pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { bytea, day } from './column-types.js';

// Drizzle's view of migrations/0007_declarations.sql (the SQL file is the source of truth).

export const DECLARATION_LEVELS = ['F1', 'F2'] as const;
export type DeclarationLevel = (typeof DECLARATION_LEVELS)[number];
export const DECLARATION_STATUSES = ['new', 'contacted', 'closed'] as const;
export type DeclarationStatus = (typeof DECLARATION_STATUSES)[number];

export const declarations = pgTable('declarations', {
  id: uuid('id').primaryKey(),
  receivedDay: day('received_day').notNull(),
  region: text('region').notNull(),
  province: text('province'),
  level: text('level', { enum: DECLARATION_LEVELS }).notNull(),
  exposureDate: day('exposure_date').notNull(),
  personalDataEncrypted: bytea('personal_data_encrypted').notNull(),
  status: text('status', { enum: DECLARATION_STATUSES }).notNull().default('new'),
  handledBy: text('handled_by'),
});
