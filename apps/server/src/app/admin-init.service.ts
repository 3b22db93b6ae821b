import { randomBytes } from 'node:crypto';
import type { Database } from '../database/database.types.js';
import { createApiKeyRepository } from '../repositories/api-key.repository.js';
import { createAppDeviceKeyRepository } from '../repositories/app-device-key.repository.js';
import { createAuthorityRepository } from '../repositories/authority.repository.js';
import type { Core } from './open-core.js';

export interface AdminInitResult {
  region: string;
  healthAuthorityId: string;
  /** True on the first run for the region: only then is the admin API key known (it is stored hashed). */
  created: boolean;
  adminApiKey?: string;
  /** The app's device API key, when this run provisioned it (the first run, or a region from before it). */
  deviceApiKey?: string;
  exportSigning: { keyId: string; keyVersion: string; publicKeyPem: string };
  certificateIssuer: string;
  certificateAudience: string;
}

/** A new API key: a type prefix (for humans and secret scanners) and 32 random bytes. */
export function generateApiKey(type: 'admin' | 'device'): string {
  return `bz${type === 'admin' ? 'a' : 'd'}_${randomBytes(32).toString('base64url')}`;
}

/**
 * Provisions a region's health authority on first use — the authority, an admin and a device API key,
 * the export signing key — or describes the existing one. The export key's id is the region. The
 * device key is the app's: kept readable in app_device_keys so `GET /app/config.json` serves it; a
 * region provisioned before there was such a key gets one on the next run.
 */
export async function initHealthAuthority(core: Core, region: string): Promise<AdminInitResult> {
  const now = core.clock.now();
  const adminApiKey = generateApiKey('admin');
  const deviceApiKey = generateApiKey('device');
  const { authority, created, appKeyCreated } = await core.db.transaction(async (tx) => {
    const txDb = tx as unknown as Database;
    const result = await createAuthorityRepository(txDb).insertIfAbsent(
      region,
      `Health authority ${region}`,
      now,
    );
    if (result.created) {
      const keys = createApiKeyRepository(txDb);
      const base = { healthAuthorityId: result.authority.id, createdAt: now };
      await keys.insert({
        ...base,
        type: 'admin',
        keyHmac: core.keys.apiKeyHmac(adminApiKey),
        label: 'initial admin key',
      });
    }
    const appKeys = createAppDeviceKeyRepository(txDb);
    if ((await appKeys.find(result.authority.id)) !== undefined) return { ...result, appKeyCreated: false };
    await createApiKeyRepository(txDb).insert({
      healthAuthorityId: result.authority.id,
      createdAt: now,
      type: 'device',
      keyHmac: core.keys.apiKeyHmac(deviceApiKey),
      label: result.created ? 'initial device key (the app)' : 'app device key',
    });
    await appKeys.insert(result.authority.id, deviceApiKey, now);
    return { ...result, appKeyCreated: true };
  });
  const exportKey = await core.signingKeys.ensureActive('export', authority.id, now, region);
  return {
    region,
    healthAuthorityId: authority.id,
    created,
    ...(created ? { adminApiKey } : {}),
    ...(appKeyCreated ? { deviceApiKey } : {}),
    exportSigning: {
      keyId: exportKey.keyId,
      keyVersion: exportKey.keyVersion,
      publicKeyPem: exportKey.publicKeyPem,
    },
    certificateIssuer: core.config.certificateIssuer,
    certificateAudience: core.config.certificateAudience,
  };
}
