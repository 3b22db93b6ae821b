import { eq } from 'drizzle-orm';
import type { Database } from '../database/database.types.js';
import { appDeviceKeys } from '../database/schema.js';

/**
 * The app's device API key of each health authority, kept readable (it is public inside the app) so
 * that `GET /app/config.json` can serve it; its HMAC is in api_keys like every key's.
 */
export function createAppDeviceKeyRepository(db: Database) {
  return {
    async insert(healthAuthorityId: string, apiKey: string, createdAt: Date): Promise<void> {
      await db.insert(appDeviceKeys).values({ healthAuthorityId, apiKey, createdAt }).onConflictDoNothing();
    },

    async find(healthAuthorityId: string): Promise<string | undefined> {
      const [row] = await db
        .select({ apiKey: appDeviceKeys.apiKey })
        .from(appDeviceKeys)
        .where(eq(appDeviceKeys.healthAuthorityId, healthAuthorityId));
      return row?.apiKey;
    },
  };
}
