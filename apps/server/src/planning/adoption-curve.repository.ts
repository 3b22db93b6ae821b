import { and, asc, eq, inArray, lt, or } from 'drizzle-orm';
import type { Database } from '../database/database.types.js';
import { adoptionCurves } from '../database/schema.js';

export type AdoptionCurveRow = typeof adoptionCurves.$inferSelect;

/** A row a process has leased: what to compute. */
export interface ClaimedCurve {
  readonly inputsHash: string;
  readonly inputs: unknown;
}

/**
 * The `adoption_curves` table: requests, leases, progress and results. Every write that belongs to a
 * computation checks that the writer still holds the lease, so a process whose lease ran out (and
 * whose row another process took over) changes nothing.
 */
export function createAdoptionCurveRepository(db: Database) {
  const leased = (inputsHash: string, owner: string) =>
    and(
      eq(adoptionCurves.inputsHash, inputsHash),
      eq(adoptionCurves.status, 'computing'),
      eq(adoptionCurves.leaseOwner, owner),
    );
  return {
    async find(inputsHash: string): Promise<AdoptionCurveRow | undefined> {
      const [row] = await db.select().from(adoptionCurves).where(eq(adoptionCurves.inputsHash, inputsHash));
      return row;
    },

    /** Queues the computation unless a row for these inputs exists already (any process may take it). */
    async request(inputsHash: string, regime: string, inputs: unknown, now: Date): Promise<void> {
      await db
        .insert(adoptionCurves)
        .values({ inputsHash, regime, inputs, requestedAt: now })
        .onConflictDoNothing();
    },

    /**
     * Leases the oldest queued row, or a computing one whose lease ran out (its process died); FOR
     * UPDATE SKIP LOCKED, so two processes never take the same row. Undefined: nothing to do.
     */
    async claim(owner: string, now: Date, leaseMs: number): Promise<ClaimedCurve | undefined> {
      return db.transaction(async (tx) => {
        const [row] = await tx
          .select({ inputsHash: adoptionCurves.inputsHash, inputs: adoptionCurves.inputs })
          .from(adoptionCurves)
          .where(
            or(
              eq(adoptionCurves.status, 'queued'),
              and(eq(adoptionCurves.status, 'computing'), lt(adoptionCurves.leaseExpiresAt, now)),
            ),
          )
          .orderBy(asc(adoptionCurves.requestedAt))
          .limit(1)
          .for('update', { skipLocked: true });
        if (!row) return undefined;
        await tx
          .update(adoptionCurves)
          .set({
            status: 'computing',
            progress: 0,
            leaseOwner: owner,
            leaseExpiresAt: new Date(now.getTime() + leaseMs),
            startedAt: now,
          })
          .where(eq(adoptionCurves.inputsHash, row.inputsHash));
        return row;
      });
    },

    /** Records progress (0…1) and extends the lease; false when `owner` lost the lease. */
    async progress(inputsHash: string, owner: string, progress: number, now: Date, leaseMs: number) {
      const rows = await db
        .update(adoptionCurves)
        .set({ progress, leaseExpiresAt: new Date(now.getTime() + leaseMs) })
        .where(leased(inputsHash, owner))
        .returning({ inputsHash: adoptionCurves.inputsHash });
      return rows.length === 1;
    },

    /** Stores the curve if `owner` still holds the lease; false otherwise. */
    async complete(inputsHash: string, owner: string, curve: unknown, now: Date): Promise<boolean> {
      const rows = await db
        .update(adoptionCurves)
        .set({
          status: 'ready',
          curve,
          progress: 1,
          leaseOwner: null,
          leaseExpiresAt: null,
          completedAt: now,
        })
        .where(leased(inputsHash, owner))
        .returning({ inputsHash: adoptionCurves.inputsHash });
      return rows.length === 1;
    },

    /** Marks the computation failed (the model threw: the same inputs would throw again). */
    async fail(inputsHash: string, owner: string, error: string, now: Date): Promise<void> {
      await db
        .update(adoptionCurves)
        .set({ status: 'failed', error, leaseOwner: null, leaseExpiresAt: null, completedAt: now })
        .where(leased(inputsHash, owner));
    },

    /** Gives a row this process was computing back to the queue (the process is stopping). */
    async release(inputsHash: string, owner: string): Promise<void> {
      await db
        .update(adoptionCurves)
        .set({ status: 'queued', progress: 0, leaseOwner: null, leaseExpiresAt: null })
        .where(leased(inputsHash, owner));
    },

    /** How many rows wait or are being computed (for tests and metrics). */
    async pending(): Promise<number> {
      const rows = await db
        .select({ inputsHash: adoptionCurves.inputsHash })
        .from(adoptionCurves)
        .where(inArray(adoptionCurves.status, ['queued', 'computing']));
      return rows.length;
    },
  };
}

export type AdoptionCurveRepository = ReturnType<typeof createAdoptionCurveRepository>;
