import { customType, date, pgTable, text, uuid } from 'drizzle-orm/pg-core';

// Drizzle's view of migrations/0007_declarations.sql (the SQL file is the source of truth).

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => new Uint8Array(value),
});
const day = (name: string) => date(name, { mode: 'string' });

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
