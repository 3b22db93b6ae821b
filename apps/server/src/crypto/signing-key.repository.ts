import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Database } from '../database/database.types.js';
import { signingKeys } from '../database/schema.js';

export type SigningKeyPurpose = 'token' | 'certificate' | 'export';
export type SigningKeyRecord = typeof signingKeys.$inferSelect;

/** The `signing_keys` table: token and certificate keys of the server, export keys of each authority. */
export function createSigningKeyRepository(db: Database) {
  const owner = (healthAuthorityId: string | null) =>
    healthAuthorityId === null
      ? isNull(signingKeys.healthAuthorityId)
      : eq(signingKeys.healthAuthorityId, healthAuthorityId);
  return {
    async findActive(purpose: SigningKeyPurpose, healthAuthorityId: string | null) {
      const [row] = await db
        .select()
        .from(signingKeys)
        .where(and(eq(signingKeys.purpose, purpose), owner(healthAuthorityId), eq(signingKeys.active, true)));
      return row;
    },

    /** Every key of a purpose, active or retired (verifiers accept tokens signed before a rotation). */
    async findAll(purpose: SigningKeyPurpose): Promise<SigningKeyRecord[]> {
      return db.select().from(signingKeys).where(eq(signingKeys.purpose, purpose));
    },

    /** Inserts an active key unless another process just did (one active key per purpose and owner). */
    async insertIfNoActive(key: {
      purpose: SigningKeyPurpose;
      healthAuthorityId: string | null;
      keyId: string;
      keyVersion: string;
      publicKeyPem: string;
      privateKeyEncrypted: Uint8Array;
      createdAt: Date;
    }): Promise<boolean> {
      const rows = await db
        .insert(signingKeys)
        .values({ ...key, active: true })
        .onConflictDoNothing()
        .returning({ id: signingKeys.id });
      return rows.length === 1;
    },

    /** Every key of a purpose and health authority, newest first, active or retired. */
    async allOf(purpose: SigningKeyPurpose, healthAuthorityId: string): Promise<SigningKeyRecord[]> {
      return db
        .select()
        .from(signingKeys)
        .where(and(eq(signingKeys.purpose, purpose), owner(healthAuthorityId)))
        .orderBy(desc(signingKeys.createdAt));
    },

    /**
     * Retires the active key of the purpose and authority and inserts `next` as the active one, in one
     * transaction (the unique "one active key" index makes a racing rotation fail instead of leaving
     * two active keys).
     */
    async rotate(
      purpose: SigningKeyPurpose,
      healthAuthorityId: string,
      next: Pick<
        SigningKeyRecord,
        'keyId' | 'keyVersion' | 'publicKeyPem' | 'privateKeyEncrypted' | 'createdAt'
      >,
    ): Promise<void> {
      const ofAuthority = and(eq(signingKeys.purpose, purpose), owner(healthAuthorityId));
      await db.transaction(async (tx) => {
        await tx
          .update(signingKeys)
          .set({ active: false })
          .where(and(ofAuthority, eq(signingKeys.active, true)));
        await tx.insert(signingKeys).values({ ...next, purpose, healthAuthorityId, active: true });
      });
    },
  };
}

export type SigningKeyRepository = ReturnType<typeof createSigningKeyRepository>;
