import { and, eq, gte, lte, ne, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Database } from '../database/database.types.js';
import {
  adoptionCounts,
  adoptionDaily,
  adoptionImportDaily,
  adoptionImports,
  adoptionImportTotals,
  adoptionTotals,
  COUNTRY_AREA,
} from '../database/schema.js';

/** The counters the console reads, summed (never row by row). */
const total = (column: SQL | AnyPgColumn) => sql<number>`coalesce(sum(${column}), 0)::bigint`.mapWith(Number);

export interface AdoptionFilter {
  readonly province?: string | undefined;
  readonly from?: string | undefined;
  readonly to?: string | undefined;
}

/** The filter's conditions on a table with these columns (any of them may be absent). */
function where(
  filter: AdoptionFilter,
  columns: { province?: AnyPgColumn; day?: AnyPgColumn },
  more: (SQL | undefined)[] = [],
) {
  const conditions = more.filter((c): c is SQL => c !== undefined);
  if (filter.province !== undefined && columns.province)
    conditions.push(eq(columns.province, filter.province));
  if (filter.from !== undefined && columns.day) conditions.push(gte(columns.day, filter.from));
  if (filter.to !== undefined && columns.day) conditions.push(lte(columns.day, filter.to));
  return conditions.length > 0 ? and(...conditions) : undefined;
}

export type Dimension = 'province' | 'district' | 'organisation' | 'channel' | 'day' | 'platform';

const isDated = (filter: AdoptionFilter) => filter.from !== undefined || filter.to !== undefined;

/**
 * The adoption counts the console reads. What the summaries of migrations/0012 answer (every total
 * by area, organisation or channel; provinces and the country per day) is read from them, a few
 * hundred rows; the rest (by platform, by district over a period) from the counter rows.
 */
export function createAdoptionReadRepository(db: Database) {
  return {
    /** App-reported installs and active signals grouped by one dimension. */
    async countsBy(
      dimension: Dimension,
      filter: AdoptionFilter = {},
    ): Promise<{ key: string; installs: number; active: number }[]> {
      const sums = { installs: total(adoptionDaily.installs), active: total(adoptionDaily.active) };
      if (dimension === 'day') {
        const area = filter.province ?? COUNTRY_AREA;
        const day = sql<string>`${adoptionDaily.day}::text`;
        return db
          .select({ key: day, ...sums })
          .from(adoptionDaily)
          .where(where({ ...filter, province: undefined }, adoptionDaily, [eq(adoptionDaily.area, area)]))
          .groupBy(adoptionDaily.day);
      }
      if (dimension === 'province' && isDated(filter)) {
        return db
          .select({ key: adoptionDaily.area, ...sums })
          .from(adoptionDaily)
          .where(
            where({ ...filter, province: undefined }, adoptionDaily, [
              ne(adoptionDaily.area, COUNTRY_AREA),
              filter.province === undefined ? undefined : eq(adoptionDaily.area, filter.province),
            ]),
          )
          .groupBy(adoptionDaily.area);
      }
      if (dimension !== 'platform' && !isDated(filter)) {
        const key = dimension === 'province' ? adoptionTotals.province : adoptionTotals.key;
        return db
          .select({
            key: sql<string>`${key}`,
            installs: total(adoptionTotals.installs),
            active: total(adoptionTotals.active),
          })
          .from(adoptionTotals)
          .where(where(filter, adoptionTotals, [eq(adoptionTotals.dimension, dimension)]))
          .groupBy(key);
      }
      const column = adoptionCounts[dimension];
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
      if (dimension === 'province' && !isDated(filter)) {
        return db
          .select({
            source: adoptionImportTotals.source,
            key: adoptionImportTotals.province,
            installs: total(adoptionImportTotals.installs),
            active: total(adoptionImportTotals.active),
          })
          .from(adoptionImportTotals)
          .where(where(filter, adoptionImportTotals))
          .groupBy(adoptionImportTotals.source, adoptionImportTotals.province);
      }
      if (dimension !== 'district') {
        const column =
          dimension === 'day' ? sql<string>`${adoptionImportDaily.day}::text` : adoptionImportDaily.province;
        return db
          .select({
            source: adoptionImportDaily.source,
            key: sql<string>`${column}`,
            installs: total(adoptionImportDaily.installs),
            active: total(adoptionImportDaily.active),
          })
          .from(adoptionImportDaily)
          .where(where(filter, adoptionImportDaily))
          .groupBy(adoptionImportDaily.source, column);
      }
      return db
        .select({
          source: adoptionImports.source,
          key: adoptionImports.district,
          installs: total(adoptionImports.installs),
          active: total(sql`coalesce(${adoptionImports.active}, 0)`),
        })
        .from(adoptionImports)
        .where(where(filter, adoptionImports))
        .groupBy(adoptionImports.source, adoptionImports.district);
    },
  };
}

export type AdoptionReadRepository = ReturnType<typeof createAdoptionReadRepository>;
