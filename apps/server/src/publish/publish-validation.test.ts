import { generateKeyPairSync, randomBytes } from 'node:crypto';
import type { PublishTemporaryExposureKey } from '@bluezone/api';
import { computeTekmac, ROLLING_PERIOD } from '@bluezone/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signJwt } from '../crypto/jwt.js';
import {
  type Authority,
  dayStart,
  HMAC_KEY,
  pastKeys,
  publish,
  publishRequest,
  signedCertificate,
  storedExposures,
} from '../testing/publish-test-kit.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';

let t: TestApp;
let authority: Authority;
beforeAll(async () => {
  t = await createTestApp({ BLUEZONE_VERIFY_RATE_LIMIT: '10000' });
  authority = await t.provision();
});
afterAll(() => t.app.close());

/** Publishes `keys` with a certificate carrying `overrides`, as the phone would. */
async function publishWith(keys: PublishTemporaryExposureKey[], overrides: Record<string, unknown> = {}) {
  return publish(t, {
    temporaryExposureKeys: keys,
    healthAuthorityID: authority.healthAuthorityId,
    verificationPayload: await signedCertificate(t, keys, {
      healthAuthorityId: authority.healthAuthorityId,
      ...overrides,
    }),
    hmacKey: HMAC_KEY.toString('base64'),
  });
}

async function refusedWith(code: string, keys: PublishTemporaryExposureKey[], overrides = {}) {
  const before = (await storedExposures(t, authority.healthAuthorityId)).length;
  const answer = await publishWith(keys, overrides);
  expect(answer.status).toBeGreaterThanOrEqual(400);
  expect(answer.status).toBeLessThan(500);
  expect(answer.json.code).toBe(code);
  expect(answer.json.error).toEqual(expect.any(String));
  expect((answer.json.padding as string).length).toBeGreaterThanOrEqual(1024);
  expect(await storedExposures(t, authority.healthAuthorityId)).toHaveLength(before);
}

const seconds = () => Math.floor(t.clock.now().getTime() / 1000);

describe('the request as a whole', () => {
  it('refuses 0 keys and more than 30', async () => {
    await refusedWith('no_keys', []);
    const many = Array.from({ length: 31 }, (_, i) => ({
      ...pastKeys(t, 1)[0],
      rollingStartNumber: dayStart(t, 1 + (i % 3)),
    }));
    await refusedWith('too_many_keys', many as PublishTemporaryExposureKey[]);
  });

  it('refuses overlapping keys with different starts, and more than 3 keys with one start', async () => {
    const [a, b] = pastKeys(t, 2) as [PublishTemporaryExposureKey, PublishTemporaryExposureKey];
    await refusedWith('keys_overlap', [a, { ...b, rollingStartNumber: a.rollingStartNumber + 6 }]);
    const sameStart = (n: number) =>
      pastKeys(t, n).map((k) => ({ ...k, rollingStartNumber: dayStart(t, 2), rollingPeriod: 36 }));
    await refusedWith('keys_overlap', sameStart(4));
    const ok = await publishWith(sameStart(3));
    expect(ok.json).toMatchObject({ insertedExposures: 3 });
  });
});

describe('the certificate', () => {
  const keys = () => pastKeys(t, 3);

  it('refuses tampered certificates and ones signed by another key', async () => {
    const k = keys();
    const good = await signedCertificate(t, k, { healthAuthorityId: authority.healthAuthorityId });
    const [h, c, s] = good.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(c, 'base64url').toString());
    const tampered = `${h}.${Buffer.from(JSON.stringify({ ...claims, reportType: 'likely' })).toString('base64url')}.${s}`;
    const stranger = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
    const kid = JSON.parse(Buffer.from(h, 'base64url').toString()).kid;
    for (const certificate of [
      tampered,
      signJwt(claims, stranger, kid),
      'not.a.jwt',
      '',
      good.slice(0, -2),
    ]) {
      const answer = await publish(t, {
        temporaryExposureKeys: k,
        healthAuthorityID: authority.healthAuthorityId,
        verificationPayload: certificate,
        hmacKey: HMAC_KEY.toString('base64'),
      });
      expect(answer.status).toBe(401);
      expect(answer.json.code).toBe('invalid_certificate');
    }
  });

  it('checks issuer, audience, expiry and not-before with the server clock', async () => {
    await refusedWith('invalid_certificate', keys(), { iss: 'someone-else' });
    await refusedWith('invalid_certificate', keys(), { aud: 'another-keyserver' });
    await refusedWith('certificate_expired', keys(), { exp: seconds() });
    await refusedWith('invalid_certificate', keys(), { nbf: seconds() + 60 });
    await refusedWith('invalid_certificate', keys(), { exp: undefined });
    await refusedWith('invalid_certificate', keys(), { reportType: 'SELF_REPORT' });
  });

  it('expires a real certificate after its lifetime', async () => {
    const k = keys();
    const request = await publishRequest(t, authority, 'confirmed', k);
    t.clock.advance(15 * 60_000);
    const answer = await publish(t, request);
    expect(answer.json.code).toBe('certificate_expired');
  });

  it('needs tekmac to be the HMAC of exactly these keys, in either form', async () => {
    const k = keys();
    await refusedWith('tekmac_mismatch', k, { tekmac: computeTekmac(HMAC_KEY, k.slice(1)) });
    await refusedWith('tekmac_mismatch', k, { tekmac: computeTekmac(randomBytes(32), k) });
    await refusedWith('tekmac_mismatch', k, { tekmac: 42 });
    const short = await publishWith(k, {
      tekmac: computeTekmac(HMAC_KEY, k, { withTransmissionRisk: false }),
    });
    expect(short.json.insertedExposures).toBe(3);
    const answer = await publish(t, {
      temporaryExposureKeys: k,
      healthAuthorityID: authority.healthAuthorityId,
      verificationPayload: await signedCertificate(t, k, { healthAuthorityId: authority.healthAuthorityId }),
      hmacKey: Buffer.alloc(8).toString('base64'),
    });
    expect(answer.json.code).toBe('invalid_hmac_key');
  });

  it('publishes nothing for a negative result', async () => {
    await refusedWith('invalid_report_type', keys(), { reportType: 'negative' });
  });
});

describe('key by key (partial success)', () => {
  it('drops keys of wrong length, period or risk, too old or in the future, and stores the rest', async () => {
    const [good, ...rest] = pastKeys(t, 8) as PublishTemporaryExposureKey[];
    const bad = rest.map((k, i) => {
      const start = dayStart(t, 7 - i);
      return (
        [
          { ...k, key: randomBytes(15).toString('base64') },
          { ...k, key: 'not base64!' },
          { ...k, rollingPeriod: 0 },
          { ...k, rollingPeriod: ROLLING_PERIOD + 1 },
          { ...k, transmissionRisk: 9 },
          { ...k, transmissionRisk: -1 },
          { ...k, rollingStartNumber: dayStart(t, -1) },
        ][i] ?? { ...k, rollingStartNumber: start }
      );
    });
    const old = {
      ...(pastKeys(t, 1)[0] as PublishTemporaryExposureKey),
      rollingStartNumber: dayStart(t, 17),
    };
    const answer = await publishWith([good as PublishTemporaryExposureKey, ...bad, old]);
    expect(answer.status).toBe(200);
    expect(answer.json.code).toBe('partial_failure');
    expect(answer.json.insertedExposures).toBe(1);
    const warnings = answer.json.warnings as string[];
    expect(warnings).toHaveLength(8);
    expect(warnings[0]).toMatch(/^temporaryExposureKeys\[1\]: key is not the base64 of 16 bytes/);
    expect(warnings.join('\n')).toMatch(/rollingPeriod 0 .*\n.*rollingPeriod 145.*\n.*transmissionRisk 9/);
    expect(warnings[6]).toMatch(/in the future/);
    expect(warnings[7]).toMatch(/ended more than 15 days ago/);
  });

  it('keeps a key whose period ended at the UTC midnight 15 days back (the limit), not older', async () => {
    const [k, l] = pastKeys(t, 2) as [PublishTemporaryExposureKey, PublishTemporaryExposureKey];
    const answer = await publishWith([{ ...k, rollingStartNumber: dayStart(t, 16) }]);
    expect(answer.json).toMatchObject({ insertedExposures: 1, warnings: [] });
    const older = await publishWith([{ ...l, rollingStartNumber: dayStart(t, 16), rollingPeriod: 143 }]);
    expect(older.json).toMatchObject({ insertedExposures: 0, code: 'partial_failure' });
  });
});
