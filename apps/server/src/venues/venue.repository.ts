import { and, asc, count, eq, gte, inArray, sql } from 'drizzle-orm';
import type { Database } from '../database/database.types.js';
import { traceWarnings, venues } from '../database/schema.js';
import { hashKey } from './trace-warning-provinces.js';

export type VenueRow = typeof venues.$inferSelect;
export type NewVenue = Omit<VenueRow, 'id'>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Venues of the console (never a visit). */
export function createVenueRepository(db: Database) {
  return {
    async list(filter: {
      province?: string | undefined;
      organisation?: string | undefined;
    }): Promise<VenueRow[]> {
      const conditions = [
        filter.province === undefined ? undefined : eq(venues.province, filter.province),
        filter.organisation === undefined ? undefined : eq(venues.organisation, filter.organisation),
      ].filter((c) => c !== undefined);
      return db
        .select()
        .from(venues)
        .where(conditions.length > 0 ? and(...conditions) : undefined)
        .orderBy(asc(venues.province), asc(venues.name), asc(venues.createdAt));
    },

    async find(id: string): Promise<VenueRow | undefined> {
      if (!UUID.test(id)) return undefined;
      const rows = await db.select().from(venues).where(eq(venues.id, id)).limit(1);
      return rows[0];
    },

    /** Inserts every venue in one transaction (an import is all or nothing). */
    async insert(rows: readonly NewVenue[]): Promise<VenueRow[]> {
      if (rows.length === 0) return [];
      return db.transaction(async (tx) =>
        tx
          .insert(venues)
          .values([...rows])
          .returning(),
      );
    },

    async update(id: string, values: Partial<NewVenue>): Promise<VenueRow | undefined> {
      const rows = await db.update(venues).set(values).where(eq(venues.id, id)).returning();
      return rows[0];
    },

    async remove(id: string): Promise<void> {
      await db.delete(venues).where(eq(venues.id, id));
    },

    /**
     * The provinces of registered venues by their location ID hash (hex), for the hashes given: an
     * uploaded warning names its venue by that hash only (index on sha256(location_id), migration 0014).
     */
    async provincesByLocationIdHash(hashes: readonly Uint8Array[]): Promise<Map<string, string>> {
      const found = new Map<string, string>();
      if (hashes.length === 0) return found;
      const rows = await db
        .select({ hash: sql<Uint8Array>`sha256(${venues.locationId})`, province: venues.province })
        .from(venues)
        .where(
          inArray(
            sql`sha256(${venues.locationId})`,
            hashes.map((h) => Buffer.from(h)),
          ),
        );
      for (const r of rows) found.set(hashKey(new Uint8Array(r.hash)), r.province);
      return found;
    },

    async countIn(province: string | undefined): Promise<number> {
      const [row] = await db
        .select({ n: count() })
        .from(venues)
        .where(province === undefined ? undefined : eq(venues.province, province));
      return Number(row?.n ?? 0);
    },

    /** Warnings received per UTC day since `fromHour` (hours since the epoch), by source. */
    async warningsPerDay(fromHour: number): Promise<{ day: string; source: string; n: number }[]> {
      const day = sql<string>`to_char(to_timestamp(${traceWarnings.receivedHour}::bigint * 3600) AT TIME ZONE 'UTC', 'YYYY-MM-DD')`;
      const rows = await db
        .select({ day, source: traceWarnings.source, n: count() })
        .from(traceWarnings)
        .where(gte(traceWarnings.receivedHour, fromHour))
        .groupBy(day, traceWarnings.source)
        .orderBy(day);
      return rows.map((r) => ({ day: String(r.day), source: r.source, n: Number(r.n) }));
    },
  };
}

export type VenueRepository = ReturnType<typeof createVenueRepository>;
