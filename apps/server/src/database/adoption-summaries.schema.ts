import { bigint, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { day } from './column-types.js';

// Drizzle's view of migrations/0012_adoption_summaries.sql (the SQL file is the source of truth).

const count = (name: string) => bigint(name, { mode: 'number' }).notNull();

/** The area of the whole country's rows in `adoption_daily`. */
export const COUNTRY_AREA = 'VN';

export const SUMMARY_DIMENSIONS = ['province', 'district', 'organisation', 'channel'] as const;
export type SummaryDimension = (typeof SUMMARY_DIMENSIONS)[number];

export const adoptionDaily = pgTable(
  'adoption_daily',
  {
    area: text('area').notNull(),
    day: day('day').notNull(),
    installs: count('installs'),
    active: count('active'),
  },
  (t) => [primaryKey({ columns: [t.area, t.day] })],
);

export const adoptionTotals = pgTable(
  'adoption_totals',
  {
    province: text('province').notNull(),
    dimension: text('dimension', { enum: SUMMARY_DIMENSIONS }).notNull(),
    key: text('key').notNull(),
    installs: count('installs'),
    active: count('active'),
  },
  (t) => [primaryKey({ columns: [t.province, t.dimension, t.key] })],
);

export const adoptionImportDaily = pgTable(
  'adoption_import_daily',
  {
    source: text('source').notNull(),
    province: text('province').notNull(),
    day: day('day').notNull(),
    installs: count('installs'),
    active: count('active'),
  },
  (t) => [primaryKey({ columns: [t.source, t.province, t.day] })],
);

export const adoptionImportTotals = pgTable(
  'adoption_import_totals',
  {
    source: text('source').notNull(),
    province: text('province').notNull(),
    installs: count('installs'),
    active: count('active'),
  },
  (t) => [primaryKey({ columns: [t.source, t.province] })],
);
