import { lt, sql } from 'drizzle-orm';
import type { Database } from '../database/database.types.js';
import { issuanceCounters } from '../database/schema.js';

export function createIssuanceRepository(db: Database) {
  return {
    /**
     * Reserves `count` issuances of the authority's quota for `day` (YYYY-MM-DD, UTC) in one statement:
     * true if the day's total stays within `quota`, false (and nothing counted) otherwise.
     */
    async reserve(healthAuthorityId: string, day: string, count: number, quota: number): Promise<boolean> {
      if (count > quota) return false;
      const rows = await db
        .insert(issuanceCounters)
        .values({ healthAuthorityId, day, issued: count })
        .onConflictDoUpdate({
          target: [issuanceCounters.healthAuthorityId, issuanceCounters.day],
          set: { issued: sql`${issuanceCounters.issued} + ${count}` },
          setWhere: sql`${issuanceCounters.issued} + ${count} <= ${quota}`,
        })
        .returning({ issued: issuanceCounters.issued });
      return rows.length === 1;
    },

    /** Gives back reservations that were not used (a batch item failed after reserving). */
    async release(healthAuthorityId: string, day: string, count: number): Promise<void> {
      if (count <= 0) return;
      await db.execute(
        sql`UPDATE issuance_counters SET issued = greatest(issued - ${count}, 0) WHERE health_authority_id = ${healthAuthorityId} AND day = ${day}`,
      );
    },

    /** Deletes the counters of days before `day` (YYYY-MM-DD); returns how many. */
    async deleteDaysBefore(day: string): Promise<number> {
      const rows = await db
        .delete(issuanceCounters)
        .where(lt(issuanceCounters.day, day))
        .returning({ day: issuanceCounters.day });
      return rows.length;
    },
  };
}

export type IssuanceRepository = ReturnType<typeof createIssuanceRepository>;
