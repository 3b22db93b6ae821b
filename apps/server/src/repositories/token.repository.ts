import type { TestType } from '@bluezone/api';
import { and, eq, gt, isNull, lt } from 'drizzle-orm';
import { countByDay } from '../database/daily-counts.js';
import type { Database } from '../database/database.types.js';
import { verificationTokens } from '../database/schema.js';

export type VerificationTokenRecord = typeof verificationTokens.$inferSelect;

export function createTokenRepository(db: Database) {
  return {
    async insert(token: {
      tokenHmac: Uint8Array;
      healthAuthorityId: string;
      testType: TestType;
      symptomDate: string | null;
      testDate: string | null;
      issuedAt: Date;
      expiresAt: Date;
      province: string | null;
    }): Promise<void> {
      await db.insert(verificationTokens).values(token);
    },

    async find(tokenHmac: Uint8Array): Promise<VerificationTokenRecord | undefined> {
      const [row] = await db
        .select()
        .from(verificationTokens)
        .where(eq(verificationTokens.tokenHmac, tokenHmac));
      return row;
    },

    /** Marks the token used if unused and unexpired; exactly one concurrent claim succeeds. */
    async claim(tokenHmac: Uint8Array, now: Date): Promise<VerificationTokenRecord | undefined> {
      const [row] = await db
        .update(verificationTokens)
        .set({ claimedAt: now })
        .where(
          and(
            eq(verificationTokens.tokenHmac, tokenHmac),
            isNull(verificationTokens.claimedAt),
            gt(verificationTokens.expiresAt, now),
          ),
        )
        .returning();
      return row;
    },

    /** Deletes tokens that expired before `cutoff` (retention); returns how many. */
    /** Tokens used for an upload per UTC day and test type (the statistics). */
    uploadsByDay: () => countByDay(db, 'verification_tokens', 'claimed_at', 'test_type'),

    async deleteExpiredBefore(cutoff: Date): Promise<number> {
      const rows = await db
        .delete(verificationTokens)
        .where(lt(verificationTokens.expiresAt, cutoff))
        .returning({ tokenHmac: verificationTokens.tokenHmac });
      return rows.length;
    },
  };
}

export type TokenRepository = ReturnType<typeof createTokenRepository>;
