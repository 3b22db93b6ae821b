import { type AppConfig, type AppFeatures, type BluezoneClient, createBluezoneClient } from '@bluezone/api';
import { browserHttp } from '../platform/browser-ports.js';
import { absoluteUrl } from './app-config.js';

/** The shared API client for this deployment: what the app asks beyond the device runtime's own calls. */
export function appClient(config: AppConfig): BluezoneClient {
  return createBluezoneClient({
    transport: browserHttp().request,
    verificationUrl: absoluteUrl(config.verificationUrl),
    keyServerUrl: absoluteUrl(config.keyServerUrl),
    deviceApiKey: config.deviceApiKey,
  });
}

/**
 * Whether the deployment offers a feature (`features` of `/app/config.json`). Declarations carry
 * personal data, so they need an explicit yes; areas and notices are only read, so a server too old
 * to say is asked anyway.
 */
export function offers(config: AppConfig, feature: keyof AppFeatures): boolean {
  const flag = config.features?.[feature];
  return feature === 'declarations' ? flag === true : flag !== false;
}
