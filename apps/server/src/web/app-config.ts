import type { AppConfig, AppFeatures } from '@bluezone/api';
import { exportPublicKeys } from '../distribution/export-public-keys.service.js';
import { AppError } from '../errors/app-error.js';
import { createAppDeviceKeyRepository } from '../repositories/app-device-key.repository.js';
import { createAuthorityRepository } from '../repositories/authority.repository.js';
import type { ServerDeps } from '../server-env/server-deps.js';

/**
 * What a Bluezone server offers the app beyond keys and exports: `buildServer` registers the
 * declarations, notices and areas routes on every server, so each is on.
 */
export const SERVER_APP_FEATURES: AppFeatures = { declarations: true, notices: true, areas: true };

/**
 * What `GET /app/config.json` answers for `bluezone server`: the region's health authority and
 * export signing keys from the database, the APIs on the same origin, and the app's device API key —
 * `BLUEZONE_APP_DEVICE_API_KEY` when set, else the one `bluezone admin init` provisioned for the app
 * (app_device_keys). Throws 503 `app_config_unavailable` saying what is missing and what to run.
 */
export async function appConfigOf(
  deps: ServerDeps,
  region: string,
  configuredKey: string | undefined,
): Promise<AppConfig> {
  const authority = await createAuthorityRepository(deps.db).findByRegion(region);
  const keys = await exportPublicKeys(deps, region);
  if (!authority || !keys)
    throw unavailable(region, { vi: 'chưa có cơ quan y tế', en: 'has no health authority yet' });
  const deviceApiKey = configuredKey || (await createAppDeviceKeyRepository(deps.db).find(authority.id));
  if (!deviceApiKey)
    throw unavailable(region, {
      vi: 'chưa có khoá API thiết bị cho ứng dụng',
      en: 'has no device API key for the app',
    });
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
    ...(deps.config.publicOrigin ? { eventOrigin: deps.config.publicOrigin } : {}),
  };
}

/** 503 `app_config_unavailable`: what is missing (Vietnamese, English) and the command that fixes it. */
function unavailable(region: string, missing: { vi: string; en: string }): AppError {
  return new AppError(
    'app_config_unavailable',
    `Ứng dụng chưa có cấu hình: vùng ${region} ${missing.vi}; hãy chạy \`bluezone admin init\`. — The app's configuration is not available: the region ${region} ${missing.en}; run \`bluezone admin init\` (or set BLUEZONE_APP_DEVICE_API_KEY).`,
  );
}

/** The message of `appConfigOf`'s refusal, or undefined when the app's configuration is complete. */
export async function appConfigProblem(
  deps: ServerDeps,
  region: string,
  configuredKey: string | undefined,
): Promise<string | undefined> {
  try {
    await appConfigOf(deps, region, configuredKey);
    return undefined;
  } catch (error) {
    if (error instanceof AppError) return error.message;
    throw error;
  }
}
