import { and, eq, gte, lte, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Database } from '../database/database.types.js';
import { adoptionCounts, adoptionImports } from '../database/schema.js';

/** The counters the console reads, summed (never row by row). */
const total = (column: SQL | AnyPgColumn) => sql<number>`coalesce(sum(${column}), 0)::bigint`.mapWith(Number);

export interface AdoptionFilter {
  readonly province?: string | undefined;
  readonly from?: string | undefined;
  readonly to?: string | undefined;
}

function where(filter: AdoptionFilter, table: typeof adoptionCounts | typeof adoptionImports) {
  const conditions: SQL[] = [];
  if (filter.province !== undefined) conditions.push(eq(table.province, filter.province));
  if (filter.from !== undefined) conditions.push(gte(table.day, filter.from));
  if (filter.to !== undefined) conditions.push(lte(table.day, filter.to));
  return conditions.length > 0 ? and(...conditions) : undefined;
}

export type Dimension = 'province' | 'district' | 'organisation' | 'channel' | 'day' | 'platform';

export function createAdoptionReadRepository(db: Database) {
  return {
    /** App-reported installs and active signals grouped by one dimension. */
    async countsBy(
      dimension: Dimension,
      filter: AdoptionFilter = {},
    ): Promise<{ key: string; installs: number; active: number }[]> {
      const column =
        dimension === 'day' ? sql<string>`${adoptionCounts.day}::text` : adoptionCounts[dimension];
      return db
        .select({
          key: sql<string>`${column}`,
          installs: total(adoptionCounts.installs),
          active: total(adoptionCounts.active),
        })
        .from(adoptionCounts)
        .where(where(filter, adoptionCounts))
        .groupBy(column);
    },

    /** Imported counts grouped by source and one dimension. */
    async importedBy(
      dimension: 'province' | 'district' | 'day',
      filter: AdoptionFilter = {},
    ): Promise<{ source: string; key: string; installs: number; active: number }[]> {
      const column =
        dimension === 'day' ? sql<string>`${adoptionImports.day}::text` : adoptionImports[dimension];
      return db
        .select({
          source: adoptionImports.source,
          key: sql<string>`${column}`,
          installs: total(adoptionImports.installs),
          active: total(sql`coalesce(${adoptionImports.active}, 0)`),
        })
        .from(adoptionImports)
        .where(where(filter, adoptionImports))
        .groupBy(adoptionImports.source, column);
    },
  };
}

export type AdoptionReadRepository = ReturnType<typeof createAdoptionReadRepository>;
