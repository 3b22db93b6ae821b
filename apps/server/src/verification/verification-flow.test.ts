import { createPublicKey } from 'node:crypto';
import { TEST_TYPES } from '@bluezone/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyJwt } from '../crypto/jwt.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { forEachDatabase } from '../testing/test-databases.js';

const EKEYHMAC = Buffer.alloc(32, 9).toString('base64');
const claimsOf = (jwt: string) =>
  JSON.parse(Buffer.from(jwt.split('.')[1] as string, 'base64url').toString());

forEachDatabase((database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({}, await database.location());
  });
  afterAll(() => t.app.close());

  describe('issue → verify → certificate', () => {
    it.each(TEST_TYPES)('works for %s codes, with GAEN claims', async (testType) => {
      const { adminKey, deviceKey, healthAuthorityId } = await t.provision();
      const issued = await t.post('/api/issue', adminKey, {
        testType,
        symptomDate: '2026-03-08',
        tzOffset: 420,
      });
      expect(issued.status).toBe(200);
      expect(issued.json.code).toMatch(/^\d{8}$/);
      expect(issued.json.longCode).toMatch(/^[a-z0-9]{16}$/);
      expect(issued.json.uuid).toMatch(/^[0-9a-f-]{36}$/);
      const now = t.clock.now().getTime() / 1000;
      expect(issued.json.expiresAtTimestamp).toBe(now + 15 * 60);
      expect(issued.json.longExpiresAtTimestamp).toBe(now + 24 * 3600);

      const verified = await t.post('/api/verify', deviceKey, { code: issued.json.code, accept: [testType] });
      expect(verified.status).toBe(200);
      expect(verified.json).toMatchObject({ testtype: testType, symptomDate: '2026-03-08' });
      const token = verified.json.token as string;
      expect(claimsOf(token)).toMatchObject({ testType, iss: 'bluezone-verification', exp: now + 24 * 3600 });

      const cert = await t.post('/api/certificate', deviceKey, { token, ekeyhmac: EKEYHMAC });
      expect(cert.status).toBe(200);
      const certificate = cert.json.certificate as string;
      const kid = JSON.parse(Buffer.from(certificate.split('.')[0] as string, 'base64url').toString()).kid;
      const pem = t.app.core.signingKeys
        .publicKey('certificate', kid)
        ?.export({ type: 'spki', format: 'pem' });
      const claims = verifyJwt(certificate, () => createPublicKey(pem as string));
      expect(claims).toEqual({
        reportType: testType,
        symptomOnsetInterval: Date.parse('2026-03-08T00:00:00Z') / 600_000,
        trisk: [],
        tekmac: EKEYHMAC,
        healthAuthorityId,
        iss: 'bluezone-verification',
        aud: 'bluezone-keyserver',
        iat: now,
        nbf: now,
        exp: now + 15 * 60,
      });
    });

    it('accepts the long code for 24 hours, the short one for 15 minutes', async () => {
      const { adminKey, deviceKey } = await t.provision();
      const a = (await t.post('/api/issue', adminKey, { testType: 'confirmed', testDate: '2026-03-09' }))
        .json;
      const b = (await t.post('/api/issue', adminKey, { testType: 'confirmed', testDate: '2026-03-09' }))
        .json;
      t.clock.advance(15 * 60_000);
      expect((await t.post('/api/verify', deviceKey, { code: a.code })).json.errorCode).toBe('code_expired');
      const long = await t.post('/api/verify', deviceKey, { code: b.longCode });
      expect(long.status).toBe(200);
      expect(long.json).toMatchObject({ testtype: 'confirmed', testDate: '2026-03-09' });
      const c = (await t.post('/api/issue', adminKey, { testType: 'confirmed', testDate: '2026-03-09' }))
        .json;
      t.clock.advance(24 * 3_600_000);
      expect((await t.post('/api/verify', deviceKey, { code: c.longCode })).json.errorCode).toBe(
        'code_expired',
      );
    });
  });

  describe('codes and tokens are single use and short-lived', () => {
    it('refuses reused, unknown and malformed codes and test types the app does not accept', async () => {
      const { adminKey, deviceKey } = await t.provision();
      const issued = (await t.post('/api/issue', adminKey, { testType: 'recursive', testDate: '2026-03-09' }))
        .json;
      const notAccepted = await t.post('/api/verify', deviceKey, { code: issued.code });
      expect([notAccepted.status, notAccepted.json.errorCode]).toEqual([412, 'unsupported_test_type']);
      expect(
        (await t.post('/api/verify', deviceKey, { code: issued.code, accept: ['recursive'] })).status,
      ).toBe(200);
      const reused = await t.post('/api/verify', deviceKey, { code: issued.code, accept: ['recursive'] });
      expect([reused.status, reused.json.errorCode]).toEqual([400, 'code_already_used']);
      const viaLong = await t.post('/api/verify', deviceKey, {
        code: issued.longCode,
        accept: ['recursive'],
      });
      expect(viaLong.json.errorCode).toBe('code_already_used');
      expect((await t.post('/api/verify', deviceKey, { code: '00000000' })).json.errorCode).toBe(
        'code_not_found',
      );
      expect((await t.post('/api/verify', deviceKey, { code: '1234' })).json.errorCode).toBe('code_invalid');
    });

    it('refuses expired, reused and tampered tokens and bad HMACs', async () => {
      const { adminKey, deviceKey } = await t.provision();
      const verifyOne = async () => {
        const code = (await t.post('/api/issue', adminKey, { testType: 'confirmed', testDate: '2026-03-09' }))
          .json.code;
        return (await t.post('/api/verify', deviceKey, { code })).json.token as string;
      };
      const token = await verifyOne();
      const [h, c, s] = token.split('.') as [string, string, string];
      const forgedClaims = Buffer.from(JSON.stringify({ ...claimsOf(token), testType: 'negative' })).toString(
        'base64url',
      );
      const tampered = await t.post('/api/certificate', deviceKey, {
        token: `${h}.${forgedClaims}.${s}`,
        ekeyhmac: EKEYHMAC,
      });
      expect([tampered.status, tampered.json.errorCode]).toEqual([400, 'token_invalid']);
      const flipped = `${h}.${c}.${s.startsWith('A') ? 'B' : 'A'}${s.slice(1)}`;
      expect(
        (await t.post('/api/certificate', deviceKey, { token: flipped, ekeyhmac: EKEYHMAC })).json.errorCode,
      ).toBe('token_invalid');
      expect(
        (await t.post('/api/certificate', deviceKey, { token, ekeyhmac: 'c2hvcnQ=' })).json.errorCode,
      ).toBe('hmac_invalid');
      expect((await t.post('/api/certificate', deviceKey, { token, ekeyhmac: EKEYHMAC })).status).toBe(200);
      const reused = await t.post('/api/certificate', deviceKey, { token, ekeyhmac: EKEYHMAC });
      expect(reused.json.errorCode).toBe('token_already_used');

      const later = await verifyOne();
      t.clock.advance(24 * 3_600_000);
      expect(
        (await t.post('/api/certificate', deviceKey, { token: later, ekeyhmac: EKEYHMAC })).json.errorCode,
      ).toBe('token_expired');
    });

    it('keeps authorities apart: a code or token of one is unknown to another', async () => {
      const one = await t.provision();
      const two = await t.provision();
      const code = (
        await t.post('/api/issue', one.adminKey, { testType: 'confirmed', testDate: '2026-03-09' })
      ).json.code;
      expect((await t.post('/api/verify', two.deviceKey, { code })).json.errorCode).toBe('code_not_found');
      const token = (await t.post('/api/verify', one.deviceKey, { code })).json.token;
      expect(
        (await t.post('/api/certificate', two.deviceKey, { token, ekeyhmac: EKEYHMAC })).json.errorCode,
      ).toBe('token_invalid');
    });

    it('lets exactly one of 50 parallel verifies of one code succeed', async () => {
      const { adminKey, deviceKey } = await t.provision();
      const code = (await t.post('/api/issue', adminKey, { testType: 'confirmed', testDate: '2026-03-09' }))
        .json.code;
      const results = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          t.app.server.inject({
            method: 'POST',
            url: '/api/verify',
            headers: { 'x-api-key': deviceKey, 'x-forwarded-for': `10.0.0.${i}` },
            remoteAddress: `10.0.${i}.1`,
            payload: { code },
          }),
        ),
      );
      const statuses = results.map((r) => r.statusCode);
      expect(statuses.filter((s) => s === 200)).toHaveLength(1);
      expect(results.filter((r) => r.json().errorCode === 'code_already_used')).toHaveLength(49);
    });
  });
});
