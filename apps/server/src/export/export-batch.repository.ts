import { and, asc, eq, inArray, lt, lte, max, or, sql } from 'drizzle-orm';
import type { Database } from '../database/database.types.js';
import { exportBatches, exportFiles } from '../database/schema.js';

/** Serializes batch planning across processes (arbitrary constant, as the migration lock). */
const PLAN_LOCK = 747_402;
/** With hashtext(region): serializes rewrites of one region's index. */
const INDEX_LOCK = 747_403;

export type ExportBatch = typeof exportBatches.$inferSelect;
export type ExportFileRecord = typeof exportFiles.$inferSelect;
export interface BatchWindow {
  readonly start: Date;
  readonly end: Date;
}

/** Export batches and files: planning under a lock, leases, completion. */
export function createExportBatchRepository(db: Database) {
  return {
    /**
     * Under a transaction-scoped advisory lock, asks `windows(lastEnd)` which batches the region still
     * needs after its latest one and inserts them; a racing process finds them and inserts nothing.
     */
    async plan(
      region: string,
      now: Date,
      windows: (lastEnd: Date | undefined) => BatchWindow[],
    ): Promise<number> {
      return db.transaction(async (tx) => {
        await tx.execute(sql`SELECT pg_advisory_xact_lock(${PLAN_LOCK})`);
        const [last] = await tx
          .select({ end: max(exportBatches.endTimestamp) })
          .from(exportBatches)
          .where(eq(exportBatches.region, region));
        const planned = windows(last?.end ?? undefined);
        if (planned.length === 0) return 0;
        const rows = await tx
          .insert(exportBatches)
          .values(
            planned.map((w) => ({ region, startTimestamp: w.start, endTimestamp: w.end, createdAt: now })),
          )
          .onConflictDoNothing()
          .returning({ id: exportBatches.id });
        return rows.length;
      });
    },

    /**
     * Leases the oldest batch that is open or whose lease ran out (FOR UPDATE SKIP LOCKED: two
     * workers never take the same row); undefined when there is nothing to do.
     */
    async claim(owner: string, now: Date, leaseMs: number): Promise<ExportBatch | undefined> {
      return db.transaction(async (tx) => {
        const [batch] = await tx
          .select()
          .from(exportBatches)
          .where(
            or(
              eq(exportBatches.status, 'open'),
              and(eq(exportBatches.status, 'pending'), lt(exportBatches.leaseExpiresAt, now)),
            ),
          )
          .orderBy(asc(exportBatches.endTimestamp), asc(exportBatches.id))
          .limit(1)
          .for('update', { skipLocked: true });
        if (!batch) return undefined;
        const [leased] = await tx
          .update(exportBatches)
          .set({ status: 'pending', leaseOwner: owner, leaseExpiresAt: new Date(now.getTime() + leaseMs) })
          .where(eq(exportBatches.id, batch.id))
          .returning();
        return leased;
      });
    },

    /**
     * Extends `owner`'s lease on the batch; false when the lease was lost (another worker took the
     * batch over), in which case `owner` must stop writing its files.
     */
    async renew(batch: ExportBatch, owner: string, now: Date, leaseMs: number): Promise<boolean> {
      const rows = await db
        .update(exportBatches)
        .set({ leaseExpiresAt: new Date(now.getTime() + leaseMs) })
        .where(
          and(
            eq(exportBatches.id, batch.id),
            eq(exportBatches.status, 'pending'),
            eq(exportBatches.leaseOwner, owner),
          ),
        )
        .returning({ id: exportBatches.id });
      return rows.length === 1;
    },

    /**
     * Records the batch's files and marks it complete, only if `owner` still holds its lease; false
     * when the lease was lost (another worker took the batch over and will complete it).
     */
    async complete(
      batch: ExportBatch,
      owner: string,
      files: Omit<ExportFileRecord, 'batchId' | 'region' | 'createdAt'>[],
      now: Date,
    ): Promise<boolean> {
      return db.transaction(async (tx) => {
        const done = await tx
          .update(exportBatches)
          .set({ status: 'complete', completedAt: now, leaseOwner: null, leaseExpiresAt: null })
          .where(
            and(
              eq(exportBatches.id, batch.id),
              eq(exportBatches.status, 'pending'),
              eq(exportBatches.leaseOwner, owner),
            ),
          )
          .returning({ id: exportBatches.id });
        if (done.length === 0) return false;
        await tx.delete(exportFiles).where(eq(exportFiles.batchId, batch.id));
        if (files.length > 0)
          await tx
            .insert(exportFiles)
            .values(files.map((f) => ({ ...f, batchId: batch.id, region: batch.region, createdAt: now })));
        return true;
      });
    },

    /**
     * Deletes the region's complete batches that ended at or before `cutoff` (their files' rows go
     * with them), except the region's latest batch, from which the export worker plans the next one.
     * Returns the number of batches and of file rows deleted.
     */
    async deleteEndedBefore(region: string, cutoff: Date): Promise<{ batches: number; files: number }> {
      return db.transaction(async (tx) => {
        const latest = await tx
          .select({ id: exportBatches.id })
          .from(exportBatches)
          .where(eq(exportBatches.region, region))
          .orderBy(sql`${exportBatches.endTimestamp} DESC`, sql`${exportBatches.id} DESC`)
          .limit(1);
        const expired = await tx
          .select({ id: exportBatches.id })
          .from(exportBatches)
          .where(
            and(
              eq(exportBatches.region, region),
              eq(exportBatches.status, 'complete'),
              lte(exportBatches.endTimestamp, cutoff),
            ),
          )
          .orderBy(asc(exportBatches.endTimestamp));
        const ids = expired.map((b) => b.id).filter((id) => id !== latest[0]?.id);
        if (ids.length === 0) return { batches: 0, files: 0 };
        const files = await tx
          .delete(exportFiles)
          .where(inArray(exportFiles.batchId, ids))
          .returning({ path: exportFiles.path });
        const batches = await tx
          .delete(exportBatches)
          .where(inArray(exportBatches.id, ids))
          .returning({ id: exportBatches.id });
        return { batches: batches.length, files: files.length };
      });
    },

    /** `start-end` (Unix seconds) of every batch the region still has, in any state. */
    async windows(region: string): Promise<Set<string>> {
      const rows = await db
        .select({ start: exportBatches.startTimestamp, end: exportBatches.endTimestamp })
        .from(exportBatches)
        .where(eq(exportBatches.region, region));
      const seconds = (d: Date) => Math.floor(d.getTime() / 1000);
      return new Set(rows.map((r) => `${seconds(r.start)}-${seconds(r.end)}`));
    },

    /** Every region that has export batches. */
    async regions(): Promise<string[]> {
      const rows = await db.selectDistinct({ region: exportBatches.region }).from(exportBatches);
      return rows.map((r) => r.region);
    },

    /**
     * Runs `fn` in a transaction holding the region's index lock; `fn` reads the region's batches and
     * files (oldest first) inside that transaction.
     */
    async withIndexLock<T>(region: string, fn: (snapshot: RegionSnapshot) => Promise<T>): Promise<T> {
      return db.transaction(async (tx) => {
        await tx.execute(sql`SELECT pg_advisory_xact_lock(${INDEX_LOCK}, hashtext(${region}))`);
        return fn(await readRegion(tx as unknown as Database, region));
      });
    },
  };
}

export type ExportBatchRepository = ReturnType<typeof createExportBatchRepository>;

export interface RegionSnapshot {
  readonly batches: ExportBatch[];
  readonly files: ExportFileRecord[];
}

async function readRegion(db: Database, region: string): Promise<RegionSnapshot> {
  const batches = await db
    .select()
    .from(exportBatches)
    .where(eq(exportBatches.region, region))
    .orderBy(asc(exportBatches.endTimestamp), asc(exportBatches.id));
  const files = await db
    .select()
    .from(exportFiles)
    .where(eq(exportFiles.region, region))
    .orderBy(asc(exportFiles.batchNum));
  return { batches, files };
}
