import { and, desc, eq, type SQL } from 'drizzle-orm';
import { consoleCodes } from '../database/accounts.schema.js';
import type { Database } from '../database/database.types.js';
import { createCodeRepository } from '../repositories/code.repository.js';

export type ConsoleCodeRow = typeof consoleCodes.$inferSelect;

export interface ConsoleCodeListing {
  uuid: string;
  testType: string;
  province: string | null;
  issuedAt: Date;
  issuedBy: string;
  /** Null once retention deleted the code. */
  claimedAt: Date | null;
  longExpiresAt: Date | null;
}

/** Codes issued through the console: who issued which code (by uuid) when; never the code itself. */
export function createConsoleCodeRepository(db: Database) {
  const verificationCodes = createCodeRepository(db);
  return {
    async insert(row: ConsoleCodeRow): Promise<void> {
      await db.insert(consoleCodes).values(row);
    },

    async findByUuid(uuid: string): Promise<ConsoleCodeRow | undefined> {
      const [row] = await db.select().from(consoleCodes).where(eq(consoleCodes.uuid, uuid));
      return row;
    },

    /**
     * The newest codes (of one province, or all) with their verification code's state, read through
     * the codes' own repository (`verification_codes` belongs to `repositories/`).
     */
    async list(options: { limit: number; province?: string }): Promise<ConsoleCodeListing[]> {
      const conditions: SQL[] = [];
      if (options.province !== undefined) conditions.push(eq(consoleCodes.province, options.province));
      const rows = await db
        .select()
        .from(consoleCodes)
        .where(conditions.length > 0 ? and(...conditions) : undefined)
        .orderBy(desc(consoleCodes.issuedAt), desc(consoleCodes.uuid))
        .limit(options.limit);
      const states = new Map(
        (await verificationCodes.statesByUuid(rows.map((r) => r.uuid))).map((s) => [s.uuid, s]),
      );
      return rows.map((r) => {
        const state = states.get(r.uuid);
        return {
          uuid: r.uuid,
          testType: r.testType,
          province: r.province,
          issuedAt: r.issuedAt,
          issuedBy: r.username,
          claimedAt: state?.claimedAt ?? null,
          longExpiresAt: state?.longExpiresAt ?? null,
        };
      });
    },
  };
}
