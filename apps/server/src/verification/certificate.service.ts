import {
  REPORT_TYPE_CLAIMS,
  type VerificationCertificateClaims,
  type VerificationCertificateRequest,
  type VerificationCertificateResponse,
} from '@bluezone/api';
import { fromBase64, intervalOfDate } from '@bluezone/protocol';
import { signJwt, verifyJwt } from '../crypto/jwt.js';
import { AppError } from '../errors/app-error.js';
import { createTokenRepository } from '../repositories/token.repository.js';
import type { Caller, ServerDeps } from '../server-env/server-deps.js';
import { parseIsoDate } from './dates.js';

const TEKMAC_BYTES = 32;

function checkEkeyhmac(text: string): string {
  let bytes: Uint8Array;
  try {
    bytes = fromBase64(text);
  } catch {
    throw new AppError('hmac_invalid');
  }
  if (bytes.length !== TEKMAC_BYTES) throw new AppError('hmac_invalid');
  return text;
}

/** Exchanges a token and the keys' HMAC for a certificate (`POST /api/certificate`). */
export function createCertificateService(deps: ServerDeps) {
  const tokens = createTokenRepository(deps.db);
  const { config } = deps;

  return async function certificate(
    caller: Caller,
    request: VerificationCertificateRequest,
  ): Promise<VerificationCertificateResponse> {
    const now = deps.clock.now();
    const tekmac = checkEkeyhmac(request.ekeyhmac);
    const claims = verifyJwt(request.token, (kid) => deps.signingKeys.publicKey('token', kid));
    if (
      !claims ||
      typeof claims.jti !== 'string' ||
      claims.iss !== config.certificateIssuer ||
      claims.aud !== config.certificateIssuer
    )
      throw new AppError('token_invalid');
    if (typeof claims.exp !== 'number' || claims.exp * 1000 <= now.getTime())
      throw new AppError('token_expired');

    const tokenHmac = deps.keys.tokenHmac(claims.jti);
    const stored = await tokens.find(tokenHmac);
    if (!stored || stored.healthAuthorityId !== caller.healthAuthorityId) throw new AppError('token_invalid');
    if (stored.claimedAt) throw new AppError('token_already_used');
    const token = await tokens.claim(tokenHmac, now);
    if (!token) {
      const again = await tokens.find(tokenHmac);
      throw new AppError(again?.claimedAt ? 'token_already_used' : 'token_expired');
    }

    const onset = token.symptomDate ?? token.testDate;
    const onsetDate = onset ? parseIsoDate(onset) : undefined;
    const iat = Math.floor(now.getTime() / 1000);
    const certificateClaims: VerificationCertificateClaims = {
      reportType: REPORT_TYPE_CLAIMS[token.testType],
      symptomOnsetInterval: onsetDate ? intervalOfDate(onsetDate) : 0,
      trisk: [],
      tekmac,
      healthAuthorityId: caller.healthAuthorityId,
      ...(token.province ? { province: token.province } : {}),
      iss: config.certificateIssuer,
      aud: config.certificateAudience,
      iat,
      nbf: iat,
      exp: iat + Math.floor(config.certificateLifetime / 1000),
    };
    const key = await deps.signingKeys.ensureActive('certificate', null, now);
    return { certificate: signJwt(certificateClaims, key.privateKey, key.keyId) };
  };
}

export type CertificateService = ReturnType<typeof createCertificateService>;
