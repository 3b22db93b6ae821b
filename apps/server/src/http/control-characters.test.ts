import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userAgent } from '../testing/console-test-kit.js';
import { HMAC_KEY, pastKeys, publish, signedCertificate } from '../testing/publish-test-kit.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { forEachDatabase } from '../testing/test-databases.js';

// Strings that PostgreSQL refuses (NUL) or mangles (a lone surrogate) are refused by the shared
// schemas with the route's usual 400, on PGlite and on real PostgreSQL alike: before, a NUL in
// `healthAuthorityID` or in a console username answered 500 (issue 16, item 4).

const HOSTILE = { nul: 'VN\u0000x', surrogate: 'VN\ud800x', escape: 'VN\u001bx' };
const CONTROL_MESSAGE = /must not contain control characters or lone surrogates/;

forEachDatabase((database) => {
  let t: TestApp;
  let healthAuthorityId: string;
  beforeAll(async () => {
    t = await createTestApp({}, await database.location());
    ({ healthAuthorityId } = await t.provision('VN'));
  });
  afterAll(() => t.app.close());

  describe('control characters in requests', () => {
    it('refuses them in healthAuthorityID on POST /v1/publish, in the publish shape', async () => {
      const keys = pastKeys(t, 1);
      const body = async (id: string) => ({
        temporaryExposureKeys: keys,
        healthAuthorityID: id,
        verificationPayload: await signedCertificate(t, keys, { healthAuthorityId }),
        hmacKey: HMAC_KEY.toString('base64'),
      });
      for (const hostile of Object.values(HOSTILE)) {
        const answer = await publish(t, await body(hostile));
        expect(answer.status).toBe(400);
        expect(answer.json.code).toBe('invalid_request');
        expect(answer.json.error).toMatch(CONTROL_MESSAGE);
        expect(typeof answer.json.padding).toBe('string');
      }
      // The same request with a clean id reaches the handler and is stored.
      expect((await publish(t, await body(healthAuthorityId))).status).toBe(200);
    });

    it('refuses them in console path parameters, queries and bodies', async () => {
      const national = await userAgent(t, { role: 'national' });
      const refused = async (method: 'GET' | 'POST', url: string, body?: unknown) => {
        const answer = await national.request(method, url, body);
        expect(answer.status, `${method} ${url}`).toBe(400);
        expect(answer.json.errorCode).toBe('invalid_request');
        expect(answer.json.error).toMatch(CONTROL_MESSAGE);
      };
      await refused('POST', '/console/api/users/%00/disable');
      await refused('POST', `/console/api/users/a${encodeURIComponent('\u0007')}b/password`, {
        password: 'a long enough password',
      });
      await refused('GET', '/console/api/campaigns/targets?province=VN-2%000');
      await refused('GET', '/console/api/statistics?from=2026-01-0%01');
      for (const hostile of Object.values(HOSTILE)) {
        await refused('POST', '/console/api/users', {
          username: hostile,
          password: 'a long enough password',
          role: 'caseworker',
        });
        await refused('POST', '/console/api/campaigns/organisations', { name: hostile, type: 'school' });
      }
      // A clean request on the same route still works.
      const created = await national.request('POST', '/console/api/users', {
        username: 'clean-name',
        password: 'a long enough password',
        role: 'analyst',
      });
      expect(created.status).toBe(200);
    });
  });
});
