import { sql } from 'drizzle-orm';
import { bigint, doublePrecision, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { day, tz } from './column-types.js';

// Drizzle's view of migrations/0006_adoption.sql (the SQL file is the source of truth).

export const PLATFORMS = ['android', 'ios', 'web'] as const;
export type Platform = (typeof PLATFORMS)[number];

export const adoptionCounts = pgTable(
  'adoption_counts',
  {
    day: day('day').notNull(),
    province: text('province').notNull(),
    district: text('district').notNull().default(''),
    organisation: text('organisation').notNull().default(''),
    channel: text('channel').notNull().default(''),
    platform: text('platform', { enum: PLATFORMS }).notNull(),
    appVersion: text('app_version').notNull(),
    installs: integer('installs').notNull().default(0),
    active: integer('active').notNull().default(0),
  },
  (t) => [
    primaryKey({
      columns: [t.day, t.province, t.district, t.organisation, t.channel, t.platform, t.appVersion],
    }),
  ],
);

export const adoptionImports = pgTable(
  'adoption_imports',
  {
    source: text('source').notNull(),
    day: day('day').notNull(),
    province: text('province').notNull(),
    district: text('district').notNull().default(''),
    installs: integer('installs').notNull(),
    active: integer('active'),
    importedAt: tz('imported_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.source, t.day, t.province, t.district] })],
);

export const TARGET_KINDS = ['population_share', 'smartphone_share', 'absolute'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

export const campaignTargets = pgTable('campaign_targets', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  area: text('area').notNull(),
  province: text('province'),
  kind: text('kind', { enum: TARGET_KINDS }).notNull(),
  share: doublePrecision('share'),
  baseCount: bigint('base_count', { mode: 'number' }),
  deadline: day('deadline').notNull(),
  label: text('label').notNull().default(''),
  createdAt: tz('created_at').notNull(),
  updatedAt: tz('updated_at').notNull(),
});

export const ORGANISATION_TYPES = ['union', 'company', 'school', 'agency', 'other'] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

export const campaignOrganisations = pgTable('campaign_organisations', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  type: text('type', { enum: ORGANISATION_TYPES }).notNull(),
  province: text('province').notNull(),
  district: text('district'),
  createdAt: tz('created_at').notNull(),
});

export const campaignLinks = pgTable('campaign_links', {
  code: text('code').primaryKey(),
  channel: text('channel').notNull(),
  province: text('province').notNull(),
  organisation: text('organisation').references(() => campaignOrganisations.code, { onDelete: 'cascade' }),
  label: text('label').notNull().default(''),
  createdAt: tz('created_at').notNull(),
});

export const statisticsDaily = pgTable(
  'statistics_daily',
  {
    day: day('day').notNull(),
    metric: text('metric').notNull(),
    kind: text('kind').notNull().default(''),
    value: bigint('value', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.day, t.metric, t.kind] })],
);

export const statisticsExportFiles = pgTable('statistics_export_files', {
  path: text('path').primaryKey(),
  region: text('region').notNull(),
  day: day('day').notNull(),
  keyCount: integer('key_count').notNull(),
  sizeBytes: bigint('size_bytes', { mode: 'number' }),
});
