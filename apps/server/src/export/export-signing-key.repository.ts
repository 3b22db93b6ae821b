import { and, desc, eq } from 'drizzle-orm';
import type { Database } from '../database/database.types.js';
import { signingKeys } from '../database/schema.js';

export type ExportKeyRow = typeof signingKeys.$inferSelect;

/** A health authority's export signing keys (rows of `signing_keys` with purpose 'export'). */
export function createExportSigningKeyRepository(db: Database) {
  const ofAuthority = (healthAuthorityId: string) =>
    and(eq(signingKeys.purpose, 'export'), eq(signingKeys.healthAuthorityId, healthAuthorityId));
  return {
    /** Every export key of the authority, newest first, active or retired. */
    async all(healthAuthorityId: string): Promise<ExportKeyRow[]> {
      return db
        .select()
        .from(signingKeys)
        .where(ofAuthority(healthAuthorityId))
        .orderBy(desc(signingKeys.createdAt));
    },

    /**
     * Retires the active key and inserts `next` as the active one, in one transaction (the unique
     * "one active key" index makes a racing rotation fail instead of leaving two active keys).
     */
    async rotate(
      healthAuthorityId: string,
      next: Pick<ExportKeyRow, 'keyId' | 'keyVersion' | 'publicKeyPem' | 'privateKeyEncrypted' | 'createdAt'>,
    ): Promise<void> {
      await db.transaction(async (tx) => {
        await tx
          .update(signingKeys)
          .set({ active: false })
          .where(and(ofAuthority(healthAuthorityId), eq(signingKeys.active, true)));
        await tx.insert(signingKeys).values({ ...next, purpose: 'export', healthAuthorityId, active: true });
      });
    },
  };
}
