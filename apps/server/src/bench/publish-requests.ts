import { type KeyObject, randomBytes } from 'node:crypto';
import type { PublishTemporaryExposureKey } from '@bluezone/api';
import { computeTekmac, intervalOfDate, ROLLING_PERIOD } from '@bluezone/protocol';
import type { Config } from '../config/config.types.js';
import { signJwt } from '../crypto/jwt.js';

/** What a phone sends: 14 keys (13 past days and today's), a certificate bound to them, its HMAC key. */
export interface PublishRequestMaker {
  /** A new JSON body: fresh keys, fresh HMAC key, a certificate over exactly those keys. */
  next(): string;
}

/**
 * Makes publish bodies as a confirmed patient's phone would after issue → verify → certificate, but
 * with the certificate signed here by the server's own certificate key (the claims the certificate
 * endpoint writes), so the benchmark measures publishing, not code verification.
 */
export function publishRequestMaker(
  config: Config,
  certificateKey: { keyId: string; privateKey: KeyObject },
  healthAuthorityId: string,
  now: () => Date = () => new Date(),
): PublishRequestMaker {
  return {
    next() {
      const today = Math.floor(intervalOfDate(now()) / ROLLING_PERIOD) * ROLLING_PERIOD;
      const keys: PublishTemporaryExposureKey[] = Array.from({ length: 14 }, (_, i) => ({
        key: randomBytes(16).toString('base64'),
        rollingStartNumber: today - (13 - i) * ROLLING_PERIOD,
        rollingPeriod: ROLLING_PERIOD,
        transmissionRisk: 0,
      }));
      const hmacKey = randomBytes(32);
      const iat = Math.floor(now().getTime() / 1000);
      const claims = {
        reportType: 'confirmed',
        symptomOnsetInterval: today - 4 * ROLLING_PERIOD,
        trisk: [],
        tekmac: computeTekmac(hmacKey, keys),
        healthAuthorityId,
        // A code of the demo province; the phone declares one more (issue 17): both stored with the keys.
        province: 'VN-20',
        iss: config.certificateIssuer,
        aud: config.certificateAudience,
        iat,
        nbf: iat,
        exp: iat + Math.floor(config.certificateLifetime / 1000),
      };
      return JSON.stringify({
        temporaryExposureKeys: keys,
        healthAuthorityID: healthAuthorityId,
        verificationPayload: signJwt(claims, certificateKey.privateKey, certificateKey.keyId),
        hmacKey: hmacKey.toString('base64'),
        visitedProvinces: ['VN-HN'],
      });
    },
  };
}
