import { asc, eq } from 'drizzle-orm';
import { isInviteCode } from '../adoption/invite-code.js';
import type { Database } from '../database/database.types.js';
import { campaignLinks, campaignOrganisations } from '../database/schema.js';
import { isUniqueViolation } from '../repositories/database-errors.js';

export type OrganisationRow = typeof campaignOrganisations.$inferSelect;
export type LinkRow = typeof campaignLinks.$inferSelect;

/** Organisations and tracked links; invite and link codes are generated until one is free. */
export function createCampaignRepository(db: Database) {
  async function insertWithCode<T>(newCode: () => string, insert: (code: string) => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await insert(newCode());
      } catch (error) {
        if (attempt >= 5 || !isUniqueViolation(error)) throw error;
      }
    }
  }

  return {
    async organisations(province?: string): Promise<OrganisationRow[]> {
      const query = db.select().from(campaignOrganisations);
      return (
        province === undefined ? query : query.where(eq(campaignOrganisations.province, province))
      ).orderBy(asc(campaignOrganisations.province), asc(campaignOrganisations.name));
    },

    async organisation(code: string): Promise<OrganisationRow | undefined> {
      if (!isInviteCode(code)) return undefined;
      const rows = await db
        .select()
        .from(campaignOrganisations)
        .where(eq(campaignOrganisations.code, code))
        .limit(1);
      return rows[0];
    },

    createOrganisation(
      values: Omit<OrganisationRow, 'code'>,
      newCode: () => string,
    ): Promise<OrganisationRow> {
      return insertWithCode(newCode, async (code) => {
        const rows = await db
          .insert(campaignOrganisations)
          .values({ ...values, code })
          .returning();
        return rows[0] as OrganisationRow;
      });
    },

    async deleteOrganisation(code: string): Promise<void> {
      await db.delete(campaignOrganisations).where(eq(campaignOrganisations.code, code));
    },

    async links(province?: string): Promise<LinkRow[]> {
      const query = db.select().from(campaignLinks);
      return (province === undefined ? query : query.where(eq(campaignLinks.province, province))).orderBy(
        asc(campaignLinks.province),
        asc(campaignLinks.createdAt),
      );
    },

    async link(code: string): Promise<LinkRow | undefined> {
      if (!isInviteCode(code)) return undefined;
      const rows = await db.select().from(campaignLinks).where(eq(campaignLinks.code, code)).limit(1);
      return rows[0];
    },

    createLink(values: Omit<LinkRow, 'code'>, newCode: () => string): Promise<LinkRow> {
      return insertWithCode(newCode, async (code) => {
        const rows = await db
          .insert(campaignLinks)
          .values({ ...values, code })
          .returning();
        return rows[0] as LinkRow;
      });
    },

    async deleteLink(code: string): Promise<void> {
      await db.delete(campaignLinks).where(eq(campaignLinks.code, code));
    },
  };
}

export type CampaignRepository = ReturnType<typeof createCampaignRepository>;
