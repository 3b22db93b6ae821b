import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '../database/database.types.js';
import { apiKeys } from '../database/schema.js';

export type ApiKeyType = 'admin' | 'device';

export interface ApiKeyRecord {
  id: string;
  healthAuthorityId: string;
  type: ApiKeyType;
  label: string;
}

export function createApiKeyRepository(db: Database) {
  return {
    async insert(key: {
      healthAuthorityId: string;
      type: ApiKeyType;
      keyHmac: Uint8Array;
      label: string;
      createdAt: Date;
    }): Promise<ApiKeyRecord> {
      const [row] = await db.insert(apiKeys).values(key).returning();
      if (!row) throw new Error('api key insert returned nothing');
      return { id: row.id, healthAuthorityId: row.healthAuthorityId, type: row.type, label: row.label };
    },

    /** The key whose HMAC this is, unless it was revoked. */
    async findActiveByHmac(keyHmac: Uint8Array): Promise<ApiKeyRecord | undefined> {
      const [row] = await db
        .select({
          id: apiKeys.id,
          healthAuthorityId: apiKeys.healthAuthorityId,
          type: apiKeys.type,
          label: apiKeys.label,
        })
        .from(apiKeys)
        .where(and(eq(apiKeys.keyHmac, keyHmac), isNull(apiKeys.revokedAt)));
      return row;
    },
  };
}

export type ApiKeyRepository = ReturnType<typeof createApiKeyRepository>;
