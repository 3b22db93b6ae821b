import { eq } from 'drizzle-orm';
import type { Database } from '../database/database.types.js';
import { healthAuthorities } from '../database/schema.js';

export interface HealthAuthority {
  id: string;
  region: string;
  name: string;
  createdAt: Date;
}

export function createAuthorityRepository(db: Database) {
  return {
    async findByRegion(region: string): Promise<HealthAuthority | undefined> {
      const [row] = await db.select().from(healthAuthorities).where(eq(healthAuthorities.region, region));
      return row;
    },

    async findById(id: string): Promise<HealthAuthority | undefined> {
      const [row] = await db.select().from(healthAuthorities).where(eq(healthAuthorities.id, id));
      return row;
    },

    /** Every region with its health authority, by region. */
    async regions(): Promise<{ region: string; healthAuthorityId: string }[]> {
      return db
        .select({ region: healthAuthorities.region, healthAuthorityId: healthAuthorities.id })
        .from(healthAuthorities)
        .orderBy(healthAuthorities.region);
    },

    /** Inserts the authority unless one exists for the region; returns it and whether it is new. */
    async insertIfAbsent(
      region: string,
      name: string,
      now: Date,
    ): Promise<{ authority: HealthAuthority; created: boolean }> {
      const [row] = await db
        .insert(healthAuthorities)
        .values({ region, name, createdAt: now })
        .onConflictDoNothing({ target: healthAuthorities.region })
        .returning();
      if (row) return { authority: row, created: true };
      const existing = await this.findByRegion(region);
      if (!existing) throw new Error(`health authority for ${region} vanished`);
      return { authority: existing, created: false };
    },
  };
}

export type AuthorityRepository = ReturnType<typeof createAuthorityRepository>;
