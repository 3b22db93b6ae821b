import { and, asc, desc, eq, lt, lte, max, or, sql } from 'drizzle-orm';
import type { Database } from '../database/database.types.js';
import { traceWarningPackages } from '../database/schema.js';
import type { PackageWindow } from './trace-warning-sets.js';

/** Serializes planning (arbitrary constant next to the export's 747_401-747_403). */
const PLAN_LOCK = 747_411;
/** With hashtext(region): serializes rewrites of one region's warning index. */
const INDEX_LOCK = 747_412;

export type TraceWarningPackageRow = typeof traceWarningPackages.$inferSelect;

/** The package's row while `owner` holds its lease. */
const leasedBy = (row: TraceWarningPackageRow, owner: string) =>
  and(
    eq(traceWarningPackages.region, row.region),
    eq(traceWarningPackages.hour, row.hour),
    eq(traceWarningPackages.status, 'pending'),
    eq(traceWarningPackages.leaseOwner, owner),
  );

/**
 * The hourly packages, written exactly once as export batches are: planned under a lock (one row per
 * region and hour), leased to one worker (FOR UPDATE SKIP LOCKED), complete only while the lease holds.
 */
export function createTraceWarningPackageRepository(db: Database) {
  return {
    /**
     * Plans the set's windows after its latest planned one (`windowsAfter` gets the hour after it,
     * undefined when none is planned), under one lock: two workers never plan overlapping windows.
     */
    async plan(
      region: string,
      now: Date,
      windowsAfter: (lastEnd: number | undefined) => readonly PackageWindow[],
    ): Promise<number> {
      return db.transaction(async (tx) => {
        await tx.execute(sql`SELECT pg_advisory_xact_lock(${PLAN_LOCK})`);
        const [last] = await tx
          .select({ hour: traceWarningPackages.hour, hours: traceWarningPackages.hours })
          .from(traceWarningPackages)
          .where(eq(traceWarningPackages.region, region))
          .orderBy(desc(traceWarningPackages.hour))
          .limit(1);
        const windows = windowsAfter(last === undefined ? undefined : last.hour + last.hours);
        if (windows.length === 0) return 0;
        const rows = await tx
          .insert(traceWarningPackages)
          .values(windows.map((w) => ({ region, hour: w.hour, hours: w.hours, createdAt: now })))
          .onConflictDoNothing()
          .returning({ hour: traceWarningPackages.hour });
        return rows.length;
      });
    },

    async claim(owner: string, now: Date, leaseMs: number): Promise<TraceWarningPackageRow | undefined> {
      return db.transaction(async (tx) => {
        const [open] = await tx
          .select()
          .from(traceWarningPackages)
          .where(
            or(
              eq(traceWarningPackages.status, 'open'),
              and(eq(traceWarningPackages.status, 'pending'), lt(traceWarningPackages.leaseExpiresAt, now)),
            ),
          )
          .orderBy(asc(traceWarningPackages.hour), asc(traceWarningPackages.region))
          .limit(1)
          .for('update', { skipLocked: true });
        if (!open) return undefined;
        const [leased] = await tx
          .update(traceWarningPackages)
          .set({ status: 'pending', leaseOwner: owner, leaseExpiresAt: new Date(now.getTime() + leaseMs) })
          .where(and(eq(traceWarningPackages.region, open.region), eq(traceWarningPackages.hour, open.hour)))
          .returning();
        return leased;
      });
    },

    /** Marks the package complete if `owner` still holds its lease; false when it was lost. */
    async complete(
      row: TraceWarningPackageRow,
      owner: string,
      warningCount: number,
      now: Date,
    ): Promise<boolean> {
      const done = await db
        .update(traceWarningPackages)
        .set({ status: 'complete', completedAt: now, warningCount, leaseOwner: null, leaseExpiresAt: null })
        .where(leasedBy(row, owner))
        .returning({ hour: traceWarningPackages.hour });
      return done.length === 1;
    },

    /** Whether `owner` still holds the package's lease (checked right before writing its zip). */
    async holds(row: TraceWarningPackageRow, owner: string, now: Date): Promise<boolean> {
      const rows = await db
        .select({ hour: traceWarningPackages.hour })
        .from(traceWarningPackages)
        .where(and(leasedBy(row, owner), sql`${traceWarningPackages.leaseExpiresAt} > ${now}`));
      return rows.length === 1;
    },

    /**
     * Runs `fn` under the region's index lock with its packages, oldest first (the index lists the
     * complete ones up to the first that is not).
     */
    async withIndexLock<T>(region: string, fn: (rows: TraceWarningPackageRow[]) => Promise<T>): Promise<T> {
      return db.transaction(async (tx) => {
        await tx.execute(sql`SELECT pg_advisory_xact_lock(${INDEX_LOCK}, hashtext(${region}))`);
        const rows = await tx
          .select()
          .from(traceWarningPackages)
          .where(eq(traceWarningPackages.region, region))
          .orderBy(asc(traceWarningPackages.hour));
        return fn(rows);
      });
    },

    /** Retention: the region's complete packages that end by `hour`, except its latest (planning starts there). */
    async deleteUpTo(region: string, hour: number): Promise<number> {
      const [latest] = await db
        .select({ hour: max(traceWarningPackages.hour) })
        .from(traceWarningPackages)
        .where(eq(traceWarningPackages.region, region));
      const rows = await db
        .delete(traceWarningPackages)
        .where(
          and(
            eq(traceWarningPackages.region, region),
            eq(traceWarningPackages.status, 'complete'),
            lte(sql`${traceWarningPackages.hour} + ${traceWarningPackages.hours} - 1`, hour),
            lt(traceWarningPackages.hour, latest?.hour ?? hour + 1),
          ),
        )
        .returning({ hour: traceWarningPackages.hour });
      return rows.length;
    },

    /** `region/hour` of every package still planned, pending or complete. */
    async hours(): Promise<Set<string>> {
      const rows = await db
        .select({ region: traceWarningPackages.region, hour: traceWarningPackages.hour })
        .from(traceWarningPackages);
      return new Set(rows.map((r) => `${r.region}/${r.hour}`));
    },

    async regions(): Promise<string[]> {
      const rows = await db
        .selectDistinct({ region: traceWarningPackages.region })
        .from(traceWarningPackages);
      return rows.map((r) => r.region);
    },
  };
}

export type TraceWarningPackageRepository = ReturnType<typeof createTraceWarningPackageRepository>;
