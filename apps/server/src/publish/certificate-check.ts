import type { PublishTemporaryExposureKey, ReportTypeClaim } from '@bluezone/api';
import { fromBase64, MIN_TEKMAC_KEY_LENGTH, verifyTekmac } from '@bluezone/protocol';
import type { Config } from '../config/config.types.js';
import { verifyJwt } from '../crypto/jwt.js';
import type { SigningKeyService } from '../crypto/signing-key.service.js';
import { AppError } from '../errors/app-error.js';
import { isReportTypeClaim } from './publish-rules.js';

/** What publishing takes from a verification certificate once it is checked. */
export interface CheckedCertificate {
  readonly reportType: ReportTypeClaim;
  /** The onset interval the certificate states, or undefined when it states none (0). */
  readonly symptomOnsetInterval: number | undefined;
  /** The health authority the certificate was issued to. */
  readonly healthAuthorityId: string;
}

function decodeHmacKey(text: string): Uint8Array {
  try {
    const bytes = fromBase64(text);
    if (bytes.length >= MIN_TEKMAC_KEY_LENGTH) return bytes;
  } catch {
    // answered below
  }
  throw new AppError('invalid_hmac_key');
}

/**
 * The certificate rows of PROTOCOL.md §6: an ES256 signature by one of this server's certificate keys,
 * its issuer and audience, `nbf ≤ now < exp` (injected clock), a known report type, and a `tekmac`
 * claim equal to the HMAC of the request's keys (every key, dropped ones too, as the phone computed
 * it) under `hmacKey`, in either form `verifyTekmac` accepts. Certificates are not single use: the
 * tekmac binds one to exactly these keys, so a replay can only publish the same keys again.
 */
export function checkCertificate(
  deps: { readonly config: Config; readonly signingKeys: SigningKeyService },
  request: {
    verificationPayload: string;
    hmacKey: string;
    temporaryExposureKeys: PublishTemporaryExposureKey[];
  },
  now: Date,
): CheckedCertificate {
  const hmacKey = decodeHmacKey(request.hmacKey);
  const claims = verifyJwt(request.verificationPayload, (kid) =>
    deps.signingKeys.publicKey('certificate', kid),
  );
  if (!claims) throw new AppError('invalid_certificate');
  if (claims.iss !== deps.config.certificateIssuer)
    throw new AppError('invalid_certificate', 'The certificate was not issued by this server.');
  if (claims.aud !== deps.config.certificateAudience)
    throw new AppError('invalid_certificate', 'The certificate is not meant for this key server.');
  const seconds = now.getTime() / 1000;
  if (typeof claims.exp !== 'number' || typeof claims.nbf !== 'number')
    throw new AppError('invalid_certificate', 'The certificate has no validity period.');
  if (claims.exp <= seconds) throw new AppError('certificate_expired');
  if (claims.nbf > seconds) throw new AppError('invalid_certificate', 'The certificate is not valid yet.');
  if (typeof claims.healthAuthorityId !== 'string')
    throw new AppError('invalid_certificate', 'The certificate names no health authority.');
  if (!isReportTypeClaim(claims.reportType))
    throw new AppError('invalid_certificate', 'The certificate carries no known report type.');
  if (
    typeof claims.tekmac !== 'string' ||
    !tekmacMatches(hmacKey, request.temporaryExposureKeys, claims.tekmac)
  )
    throw new AppError('tekmac_mismatch');
  const onset = claims.symptomOnsetInterval;
  return {
    reportType: claims.reportType,
    healthAuthorityId: claims.healthAuthorityId,
    symptomOnsetInterval:
      Number.isSafeInteger(onset) && (onset as number) > 0 ? (onset as number) : undefined,
  };
}

function tekmacMatches(hmacKey: Uint8Array, keys: PublishTemporaryExposureKey[], tekmac: string): boolean {
  try {
    return verifyTekmac(hmacKey, keys, tekmac);
  } catch {
    // A key the HMAC cannot even be computed over (an empty string) cannot have been certified.
    return false;
  }
}
