import { asc, eq, isNull, or } from 'drizzle-orm';
import type { TargetRow } from '../adoption/target-progress.js';
import type { Database } from '../database/database.types.js';
import { campaignTargets } from '../database/schema.js';

export type { TargetRow };
export type TargetValues = Omit<TargetRow, 'id' | 'createdAt' | 'updatedAt'>;

export function createTargetRepository(db: Database) {
  return {
    /** Every target, or those of one province (`includeNational`: and the country's). */
    async list(province?: string, includeNational = false): Promise<TargetRow[]> {
      const query = db.select().from(campaignTargets);
      const filtered =
        province === undefined
          ? query
          : query.where(
              includeNational
                ? or(eq(campaignTargets.province, province), isNull(campaignTargets.province))
                : eq(campaignTargets.province, province),
            );
      return filtered.orderBy(asc(campaignTargets.deadline), asc(campaignTargets.createdAt));
    },

    async get(id: string): Promise<TargetRow | undefined> {
      const rows = await db.select().from(campaignTargets).where(eq(campaignTargets.id, id)).limit(1);
      return rows[0];
    },

    async insert(values: TargetValues, at: Date): Promise<TargetRow> {
      const rows = await db
        .insert(campaignTargets)
        .values({ ...values, createdAt: at, updatedAt: at })
        .returning();
      return rows[0] as TargetRow;
    },

    async update(id: string, values: TargetValues, at: Date): Promise<TargetRow | undefined> {
      const rows = await db
        .update(campaignTargets)
        .set({ ...values, updatedAt: at })
        .where(eq(campaignTargets.id, id))
        .returning();
      return rows[0];
    },

    async delete(id: string): Promise<void> {
      await db.delete(campaignTargets).where(eq(campaignTargets.id, id));
    },
  };
}

export type TargetRepository = ReturnType<typeof createTargetRepository>;
