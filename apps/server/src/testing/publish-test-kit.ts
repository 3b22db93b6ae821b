import { randomBytes } from 'node:crypto';
import type { PublishRequest, PublishTemporaryExposureKey, TestType } from '@bluezone/api';
import { computeTekmac, intervalOfDate, ROLLING_PERIOD } from '@bluezone/protocol';
import { signJwt } from '../crypto/jwt.js';
import type { TestApp } from './test-app.js';

// Helpers for the publish tests: keys a phone would hold, and certificates over the real HTTP API.

export const HMAC_KEY = Buffer.alloc(32, 3);

/** The rolling start of the UTC day `daysAgo` days before the test clock's day. */
export function dayStart(t: TestApp, daysAgo: number): number {
  const now = intervalOfDate(t.clock.now());
  return (Math.floor(now / ROLLING_PERIOD) - daysAgo) * ROLLING_PERIOD;
}

/** One full-day key per day, from `days` days ago up to yesterday (all past their validity). */
export function pastKeys(t: TestApp, days: number): PublishTemporaryExposureKey[] {
  return Array.from({ length: days }, (_, i) => ({
    key: randomBytes(16).toString('base64'),
    rollingStartNumber: dayStart(t, days - i),
    rollingPeriod: ROLLING_PERIOD,
    transmissionRisk: 0,
  }));
}

/** Today's key: still valid, so it is embargoed. */
export function todayKey(t: TestApp): PublishTemporaryExposureKey {
  return {
    key: randomBytes(16).toString('base64'),
    rollingStartNumber: dayStart(t, 0),
    rollingPeriod: ROLLING_PERIOD,
    transmissionRisk: 0,
  };
}

export interface Authority {
  adminKey: string;
  deviceKey: string;
  healthAuthorityId: string;
}

/** issue (with the case's `province`, if any) → verify → certificate, bound to `keys` with `hmacKey`. */
export async function certificateFor(
  t: TestApp,
  authority: Authority,
  testType: TestType,
  keys: readonly PublishTemporaryExposureKey[],
  hmacKey: Uint8Array = HMAC_KEY,
  province?: string,
): Promise<string> {
  const issued = await t.post('/api/issue', authority.adminKey, {
    testType,
    symptomDate: '2026-03-07',
    ...(province === undefined ? {} : { province }),
  });
  if (issued.status !== 200) throw new Error(`issue answered ${issued.status}`);
  const verified = await t.post('/api/verify', authority.deviceKey, {
    code: issued.json.code,
    accept: [testType],
  });
  if (verified.status !== 200) throw new Error(`verify answered ${verified.status}`);
  const ekeyhmac = computeTekmac(hmacKey, keys);
  const cert = await t.post('/api/certificate', authority.deviceKey, {
    token: verified.json.token,
    ekeyhmac,
  });
  if (cert.status !== 200) throw new Error(`certificate answered ${cert.status}`);
  return cert.json.certificate as string;
}

/** A complete publish request for these keys with a fresh certificate. */
export async function publishRequest(
  t: TestApp,
  authority: Authority,
  testType: TestType,
  keys: PublishTemporaryExposureKey[],
  extra: Partial<PublishRequest> = {},
): Promise<PublishRequest> {
  return {
    temporaryExposureKeys: keys,
    healthAuthorityID: authority.healthAuthorityId,
    verificationPayload: await certificateFor(t, authority, testType, keys),
    hmacKey: HMAC_KEY.toString('base64'),
    ...extra,
  };
}

/** POST /v1/publish with optional extra headers; the raw answer text too, for size checks. */
export async function publish(
  t: TestApp,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; json: Record<string, unknown>; text: string }> {
  const response = await t.app.server.inject({
    method: 'POST',
    url: '/v1/publish',
    headers: { 'content-type': 'application/json', ...headers },
    payload: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.statusCode, json: response.json(), text: response.body };
}

/** The stored rows of the exposures table for an authority. */
export async function storedExposures(t: TestApp, healthAuthorityId: string) {
  const { exposures } = await import('../database/schema.js');
  const { eq } = await import('drizzle-orm');
  return t.app.core.db.select().from(exposures).where(eq(exposures.healthAuthorityId, healthAuthorityId));
}

/**
 * A certificate signed with the server's own certificate key but with chosen claims (defaults: a
 * valid `confirmed` certificate over `keys`), to test each certificate check on its own.
 */
export async function signedCertificate(
  t: TestApp,
  keys: readonly PublishTemporaryExposureKey[],
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const now = Math.floor(t.clock.now().getTime() / 1000);
  const key = await t.app.core.signingKeys.ensureActive('certificate', null, t.clock.now());
  const claims = {
    reportType: 'confirmed',
    symptomOnsetInterval: 0,
    trisk: [],
    tekmac: keys.length > 0 ? computeTekmac(HMAC_KEY, keys) : '',
    iss: t.config.certificateIssuer,
    aud: t.config.certificateAudience,
    iat: now,
    nbf: now,
    exp: now + 900,
    ...overrides,
  };
  return signJwt(claims, key.privateKey, key.keyId);
}
