import type { AppConfig, AppFeatures } from '@bluezone/api';
import { exportPublicKeys } from '../distribution/export-public-keys.service.js';
import { createAuthorityRepository } from '../repositories/authority.repository.js';
import type { ServerDeps } from '../server-env/server-deps.js';

/**
 * What a Bluezone server offers the app beyond keys and exports: `buildServer` registers the
 * declarations, notices and areas routes on every server, so each is on.
 */
export const SERVER_APP_FEATURES: AppFeatures = { declarations: true, notices: true, areas: true };

/**
 * What `GET /app/config.json` answers for `bluezone server`: the region's health authority and
 * export signing keys from the database, the APIs on the same origin, and the app's device API key
 * (`BLUEZONE_APP_DEVICE_API_KEY`: the server stores API keys only as HMACs, so it cannot read it
 * back). Undefined while the region is not provisioned or the key not configured.
 */
export async function appConfigOf(
  deps: ServerDeps,
  region: string,
  deviceApiKey: string | undefined,
): Promise<AppConfig | undefined> {
  if (deviceApiKey === undefined || deviceApiKey === '') return undefined;
  const authority = await createAuthorityRepository(deps.db).findByRegion(region);
  const keys = await exportPublicKeys(deps, region);
  if (!authority || !keys) return undefined;
  return {
    region,
    healthAuthorityId: authority.id,
    deviceApiKey,
    verificationUrl: '/',
    keyServerUrl: '/',
    exportPublicKeys: keys.map(({ keyId, keyVersion, publicKeyPem }) => ({
      keyId,
      keyVersion,
      publicKeyPem,
    })),
    features: SERVER_APP_FEATURES,
  };
}
