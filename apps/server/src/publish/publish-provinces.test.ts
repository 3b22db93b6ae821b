import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyJwt } from '../crypto/jwt.js';
import {
  type Authority,
  certificateFor,
  HMAC_KEY,
  pastKeys,
  publish,
  publishRequest,
  storedExposures,
} from '../testing/publish-test-kit.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { forEachDatabase } from '../testing/test-databases.js';

// Province along the code chain (issue 17): the code's province becomes a signed certificate claim,
// the publish adds the declared provinces, and a key's provinces are fixed at its first insert.

let t: TestApp;

/** The claims of a certificate whose signature verifies with the server's certificate key. */
const claimsOf = (certificate: string) =>
  verifyJwt(certificate, (kid) => t.app.core.signingKeys.publicKey('certificate', kid));

const issueFor = (authority: Authority, province: string) =>
  t.post('/api/issue', authority.adminKey, { testType: 'confirmed', symptomDate: '2026-03-07', province });

const provincesOf = async (healthAuthorityId: string) =>
  (await storedExposures(t, healthAuthorityId)).map((r) => r.provinces);

forEachDatabase((database) => {
  beforeAll(async () => {
    t = await createTestApp({ BLUEZONE_VERIFY_RATE_LIMIT: '10000' }, await database.location());
  });
  afterAll(() => t.app.close());

  describe('province on codes', () => {
    it('keeps the province from the code to a signed certificate claim', async () => {
      const authority = await t.provision();
      const issued = await issueFor(authority, ' vn-20 ');
      expect(issued.status).toBe(200);
      expect(issued.json.province).toBe('VN-20');
      const keys = pastKeys(t, 2);
      const certificate = await certificateFor(t, authority, 'confirmed', keys, HMAC_KEY, 'VN-20');
      expect(claimsOf(certificate)?.province).toBe('VN-20');
      const plain = await certificateFor(t, authority, 'confirmed', keys);
      expect(claimsOf(plain)?.province).toBeUndefined();
    });

    it('refuses an unknown province when issuing, one by one in a batch', async () => {
      const authority = await t.provision();
      const one = await issueFor(authority, 'VN-99');
      expect(one.status).toBe(400);
      expect(one.json.errorCode).toBe('unknown_province');
      const batch = await t.post('/api/batch-issue', authority.adminKey, {
        codes: [
          { testType: 'confirmed', symptomDate: '2026-03-07', province: 'VN-HN' },
          { testType: 'confirmed', symptomDate: '2026-03-07', province: 'Hà Nội' },
        ],
      });
      expect(batch.status).toBe(200);
      const [ok, bad] = batch.json.codes as Record<string, unknown>[];
      expect(ok?.province).toBe('VN-HN');
      expect(bad?.errorCode).toBe('unknown_province');
    });
  });

  describe('visitedProvinces', () => {
    it('stores home and declared provinces with the keys, sorted, once each', async () => {
      const authority = await t.provision();
      const keys = pastKeys(t, 3);
      const request = {
        ...(await publishRequest(t, authority, 'confirmed', keys)),
        verificationPayload: await certificateFor(t, authority, 'confirmed', keys, HMAC_KEY, 'VN-20'),
        visitedProvinces: ['VN-HN', 'VN-20', 'VN-HN'],
      };
      const answer = await publish(t, request);
      expect(answer.json).toMatchObject({ insertedExposures: 3 });
      expect(await provincesOf(authority.healthAuthorityId)).toEqual([
        ['VN-20', 'VN-HN'],
        ['VN-20', 'VN-HN'],
        ['VN-20', 'VN-HN'],
      ]);
      // A replay of the same certificate declaring more provinces adds none.
      const replay = await publish(t, { ...request, visitedProvinces: ['VN-SG'] });
      expect(replay.status).toBe(200);
      expect(replay.json.insertedExposures).toBe(0);
      expect((await provincesOf(authority.healthAuthorityId)).flat()).not.toContain('VN-SG');
    });

    it('without a province anywhere, keys go to the national set only (GAEN clients)', async () => {
      const authority = await t.provision();
      const answer = await publish(t, await publishRequest(t, authority, 'confirmed', pastKeys(t, 2)));
      expect(answer.status).toBe(200);
      expect(await provincesOf(authority.healthAuthorityId)).toEqual([[], []]);
    });

    it.each([
      [['VN-99'], 'unknown_province'],
      [['vn20'], 'unknown_province'],
      [[''], 'unknown_province'],
      [Array.from({ length: 11 }, () => 'VN-20'), 'too_many_provinces'],
    ])('refuses %j with 400 %s and stores nothing', async (visitedProvinces, code) => {
      const authority = await t.provision();
      const request = await publishRequest(t, authority, 'confirmed', pastKeys(t, 2));
      const answer = await publish(t, { ...request, visitedProvinces });
      expect(answer.status).toBe(400);
      expect(answer.json.code).toBe(code);
      expect(await storedExposures(t, authority.healthAuthorityId)).toHaveLength(0);
    });

    it('refuses a malformed list with 400 and stores nothing', async () => {
      const authority = await t.provision();
      const request = await publishRequest(t, authority, 'confirmed', pastKeys(t, 1));
      for (const visitedProvinces of ['VN-20', [20], [{}], ['x'.repeat(40)]]) {
        const answer = await publish(t, { ...request, visitedProvinces });
        expect(answer.status).toBe(400);
      }
      expect(await storedExposures(t, authority.healthAuthorityId)).toHaveLength(0);
    });

    it('a revision keeps the provinces of the first insert and adds none', async () => {
      const authority = await t.provision();
      const keys = pastKeys(t, 2);
      const first = await publish(t, {
        ...(await publishRequest(t, authority, 'likely', keys)),
        visitedProvinces: ['VN-HN'],
      });
      expect(first.json.insertedExposures).toBe(2);
      const revised = await publish(t, {
        ...(await publishRequest(t, authority, 'confirmed', keys, {
          revisionToken: first.json.revisionToken as string,
        })),
        verificationPayload: await certificateFor(t, authority, 'confirmed', keys, HMAC_KEY, 'VN-20'),
        visitedProvinces: ['VN-SG'],
      });
      expect(revised.json).toMatchObject({ insertedExposures: 2 });
      const rows = await storedExposures(t, authority.healthAuthorityId);
      expect(rows.map((r) => [r.revisedReportType, r.provinces])).toEqual([
        ['CONFIRMED_TEST', ['VN-HN']],
        ['CONFIRMED_TEST', ['VN-HN']],
      ]);
    });
  });
});
