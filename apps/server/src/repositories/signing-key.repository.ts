import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '../database/database.types.js';
import { signingKeys } from '../database/schema.js';

export type SigningKeyPurpose = 'token' | 'certificate' | 'export';
export type SigningKeyRecord = typeof signingKeys.$inferSelect;

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
  };
}

export type SigningKeyRepository = ReturnType<typeof createSigningKeyRepository>;
