import { randomBytes } from 'node:crypto';
import type { TestType, VerificationTokenClaims, VerifyCodeRequest, VerifyCodeResponse } from '@bluezone/api';
import { signJwt } from '../crypto/jwt.js';
import type { Database } from '../database/database.types.js';
import { AppError } from '../errors/app-error.js';
import { createCodeRepository } from '../repositories/code.repository.js';
import { createTokenRepository } from '../repositories/token.repository.js';
import type { Caller, ServerDeps } from '../server-env/server-deps.js';
import { classifyCode } from './codes.js';

/**
 * Test types an app accepts, widened as Google's verification server does: accepting `likely` also
 * accepts `confirmed`, accepting `negative` accepts all three. `recursive` (Bluezone's F1 codes) is
 * accepted only when listed. No list means `confirmed` only.
 */
export function acceptedTestTypes(accept: readonly TestType[] | undefined): Set<TestType> {
  const out = new Set<TestType>(['confirmed']);
  for (const t of accept ?? []) {
    out.add(t);
    if (t === 'negative') out.add('likely');
  }
  return out;
}

/** Turns a code into a single-use token (`POST /api/verify`). */
export function createVerifyService(deps: ServerDeps) {
  const codes = createCodeRepository(deps.db);
  const { config } = deps;

  return async function verify(caller: Caller, request: VerifyCodeRequest): Promise<VerifyCodeResponse> {
    const now = deps.clock.now();
    const typed = classifyCode(request.code);
    if (!typed) throw new AppError('code_invalid');
    const row = await codes.findByHmac(caller.healthAuthorityId, deps.keys.codeHmac(typed.code));
    if (!row) throw new AppError('code_not_found');
    if (row.claimedAt) throw new AppError('code_already_used');
    const expiresAt = typed.short ? row.shortExpiresAt : row.longExpiresAt;
    if (expiresAt.getTime() <= now.getTime()) throw new AppError('code_expired');
    if (!acceptedTestTypes(request.accept).has(row.testType))
      throw new AppError('unsupported_test_type', `This app does not accept ${row.testType} codes.`);

    const jti = randomBytes(32).toString('base64url');
    const expires = new Date(now.getTime() + config.tokenLifetime);
    await deps.db.transaction(async (tx) => {
      const txDb = tx as unknown as Database;
      if (!(await createCodeRepository(txDb).claim(row.id, typed.short, now))) {
        throw new AppError('code_already_used');
      }
      await createTokenRepository(txDb).insert({
        tokenHmac: deps.keys.tokenHmac(jti),
        healthAuthorityId: caller.healthAuthorityId,
        testType: row.testType,
        symptomDate: row.symptomDate,
        testDate: row.testDate,
        issuedAt: now,
        expiresAt: expires,
        province: row.province,
      });
    });
    deps.metrics.codesVerified.inc({ test_type: row.testType });

    const claims: VerificationTokenClaims = {
      sub: `${row.testType}.${row.symptomDate ?? ''}.${row.testDate ?? ''}`,
      testType: row.testType,
      ...(row.symptomDate ? { symptomDate: row.symptomDate } : {}),
      ...(row.testDate ? { testDate: row.testDate } : {}),
      jti,
      iss: config.certificateIssuer,
      aud: config.certificateIssuer,
      iat: Math.floor(now.getTime() / 1000),
      exp: Math.floor(expires.getTime() / 1000),
    };
    const key = await deps.signingKeys.ensureActive('token', null, now);
    return {
      testtype: row.testType,
      ...(row.symptomDate ? { symptomDate: row.symptomDate } : {}),
      ...(row.testDate ? { testDate: row.testDate } : {}),
      token: signJwt(claims, key.privateKey, key.keyId),
    };
  };
}

export type VerifyService = ReturnType<typeof createVerifyService>;
