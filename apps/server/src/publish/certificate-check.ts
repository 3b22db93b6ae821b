import { createHmac, timingSafeEqual } from 'node:crypto';
import type { PublishTemporaryExposureKey, ReportTypeClaim } from '@bluezone/api';
import { MIN_TEKMAC_KEY_LENGTH, tekmacCleartext } from '@bluezone/protocol';
import { configuredAreas } from '../areas/area-codes.js';
import { isProvinceCode } from '../areas/area-lookup.js';
import type { Config } from '../config/config.types.js';
import { verifyJwt } from '../crypto/jwt.js';
import type { SigningKeyService } from '../crypto/signing-key.service.js';
import { AppError } from '../errors/app-error.js';
import { isReportTypeClaim } from './publish-rules.js';
import { strictBase64 } from './strict-base64.js';

/** What publishing takes from a verification certificate once it is checked. */
export interface CheckedCertificate {
  readonly reportType: ReportTypeClaim;
  /** The onset interval the certificate states, or undefined when it states none (0). */
  readonly symptomOnsetInterval: number | undefined;
  /** The health authority the certificate was issued to. */
  readonly healthAuthorityId: string;
  /** The case's home province (the code's, a signed claim); undefined: none, national set only. */
  readonly province: string | undefined;
}

function decodeHmacKey(text: string): Uint8Array {
  const bytes = strictBase64(text);
  if (bytes && bytes.length >= MIN_TEKMAC_KEY_LENGTH) return bytes;
  throw new AppError('invalid_hmac_key');
}

/**
 * The certificate rows of docs/protocol.md §6: an ES256 signature by one of this server's certificate keys,
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
  const province = claims.province;
  if (province !== undefined && !isProvinceCode(configuredAreas(), province))
    throw new AppError('invalid_certificate', 'The certificate names a province this server does not know.');
  const onset = claims.symptomOnsetInterval;
  return {
    province,
    reportType: claims.reportType,
    healthAuthorityId: claims.healthAuthorityId,
    symptomOnsetInterval:
      Number.isSafeInteger(onset) && (onset as number) > 0 ? (onset as number) : undefined,
  };
}

/**
 * The protocol's `verifyTekmac` (same cleartexts, same rule: the form with transmission risk, and
 * the form without it when every risk is 0; every allowed form computed before comparing, in
 * constant time), with node:crypto's HMAC instead of a JavaScript SHA-256 (3–4 % of the server's
 * CPU under the publish benchmark). `certificate-check.test.ts` checks the two agree.
 */
export function tekmacMatches(
  hmacKey: Uint8Array,
  keys: PublishTemporaryExposureKey[],
  tekmac: string,
): boolean {
  let withRisk: Buffer;
  let withoutRisk: Buffer | undefined;
  try {
    withRisk = hmacOf(hmacKey, tekmacCleartext(keys, { withTransmissionRisk: true }));
    if (keys.every((k) => (k.transmissionRisk ?? 0) === 0))
      withoutRisk = hmacOf(hmacKey, tekmacCleartext(keys, { withTransmissionRisk: false }));
  } catch {
    // A key the HMAC cannot even be computed over (an empty string) cannot have been certified.
    return false;
  }
  const expected = strictBase64(tekmac);
  if (!expected) return false;
  const first = expected.length === withRisk.length && timingSafeEqual(expected, withRisk);
  const second =
    withoutRisk !== undefined &&
    expected.length === withoutRisk.length &&
    timingSafeEqual(expected, withoutRisk);
  return first || second;
}

const hmacOf = (key: Uint8Array, cleartext: string) =>
  createHmac('sha256', key).update(cleartext, 'utf8').digest();
