import type { TestType } from '@bluezone/api';
import { and, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import { countByDay } from '../database/daily-counts.js';
import type { Database } from '../database/database.types.js';
import { verificationCodes } from '../database/schema.js';

export type VerificationCode = typeof verificationCodes.$inferSelect;

export interface NewVerificationCode {
  uuid: string;
  healthAuthorityId: string;
  shortCodeHmac: Uint8Array;
  longCodeHmac: Uint8Array;
  testType: TestType;
  symptomDate: string | null;
  testDate: string | null;
  issuedAt: Date;
  shortExpiresAt: Date;
  longExpiresAt: Date;
  province: string | null;
}

export function createCodeRepository(db: Database) {
  const ofAuthority = (healthAuthorityId: string) =>
    eq(verificationCodes.healthAuthorityId, healthAuthorityId);
  return {
    /** Inserts a code; a unique violation (uuid or a colliding code HMAC) is thrown to the caller. */
    async insert(code: NewVerificationCode): Promise<VerificationCode> {
      const [row] = await db.insert(verificationCodes).values(code).returning();
      if (!row) throw new Error('code insert returned nothing');
      return row;
    },

    async findByHmac(healthAuthorityId: string, hmac: Uint8Array): Promise<VerificationCode | undefined> {
      const [row] = await db
        .select()
        .from(verificationCodes)
        .where(
          and(
            ofAuthority(healthAuthorityId),
            or(eq(verificationCodes.shortCodeHmac, hmac), eq(verificationCodes.longCodeHmac, hmac)),
          ),
        );
      return row;
    },

    async findByUuid(healthAuthorityId: string, uuid: string): Promise<VerificationCode | undefined> {
      const [row] = await db
        .select()
        .from(verificationCodes)
        .where(and(ofAuthority(healthAuthorityId), eq(verificationCodes.uuid, uuid)));
      return row;
    },

    /**
     * Marks the code used if it is still unused and unexpired — one UPDATE, so of any number of
     * concurrent claims exactly one gets the row back.
     */
    async claim(id: number, usedShortCode: boolean, now: Date): Promise<boolean> {
      const expiry = usedShortCode ? verificationCodes.shortExpiresAt : verificationCodes.longExpiresAt;
      const rows = await db
        .update(verificationCodes)
        .set({ claimedAt: now })
        .where(and(eq(verificationCodes.id, id), isNull(verificationCodes.claimedAt), gt(expiry, now)))
        .returning({ id: verificationCodes.id });
      return rows.length === 1;
    },

    /** Expires both codes now (never extends them); returns the updated row. */
    async expire(healthAuthorityId: string, uuid: string, now: Date): Promise<VerificationCode | undefined> {
      const [row] = await db
        .update(verificationCodes)
        .set({
          shortExpiresAt: sql`least(${verificationCodes.shortExpiresAt}, ${now.toISOString()}::timestamptz)`,
          longExpiresAt: sql`least(${verificationCodes.longExpiresAt}, ${now.toISOString()}::timestamptz)`,
        })
        .where(and(ofAuthority(healthAuthorityId), eq(verificationCodes.uuid, uuid)))
        .returning();
      return row;
    },

    /** Deletes codes whose long code expired before `cutoff` (retention); returns how many. */
    /** Codes issued per UTC day and test type (the statistics). */
    issuedByDay: () => countByDay(db, 'verification_codes', 'issued_at', 'test_type'),

    /** Codes used per UTC day and test type (the statistics). */
    usedByDay: () => countByDay(db, 'verification_codes', 'claimed_at', 'test_type'),

    async deleteExpiredBefore(cutoff: Date): Promise<number> {
      const rows = await db
        .delete(verificationCodes)
        .where(lt(verificationCodes.longExpiresAt, cutoff))
        .returning({ id: verificationCodes.id });
      return rows.length;
    },
  };
}

export type CodeRepository = ReturnType<typeof createCodeRepository>;
