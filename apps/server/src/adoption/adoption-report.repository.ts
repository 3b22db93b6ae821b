import { sql } from 'drizzle-orm';
import type { Database } from '../database/database.types.js';
import { adoptionCounts, type Platform } from '../database/schema.js';

/** The key of one counter row: no person, device, address or time finer than the day. */
export interface CounterKey {
  readonly day: string;
  readonly province: string;
  readonly district: string;
  readonly organisation: string;
  readonly channel: string;
  readonly platform: Platform;
  readonly appVersion: string;
}

export function createAdoptionReportRepository(db: Database) {
  return {
    /** Adds to the counter row of `key` (created at 0 when missing): one statement, no row per report. */
    async increment(key: CounterKey, what: 'installs' | 'active'): Promise<void> {
      const column = what === 'installs' ? adoptionCounts.installs : adoptionCounts.active;
      await db
        .insert(adoptionCounts)
        .values({ ...key, installs: what === 'installs' ? 1 : 0, active: what === 'active' ? 1 : 0 })
        .onConflictDoUpdate({
          target: [
            adoptionCounts.day,
            adoptionCounts.province,
            adoptionCounts.district,
            adoptionCounts.organisation,
            adoptionCounts.channel,
            adoptionCounts.platform,
            adoptionCounts.appVersion,
          ],
          set: { [what]: sql`${column} + 1` },
        });
    },
  };
}
