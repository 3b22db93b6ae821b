import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, signInRequest, userAgent } from '../testing/console-test-kit.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { forEachDatabase } from '../testing/test-databases.js';

// Thái Bình is VN-20, Yên Bái VN-06.

forEachDatabase((database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({}, await database.location());
    await t.provision('VN');
  });
  afterAll(() => t.app.close());

  const newUser = (username: string, role: string, province?: string) => ({
    username,
    password: 'a long enough password',
    role,
    ...(province ? { province } : {}),
  });

  describe('console roles and provinces', () => {
    it("keeps a provincial officer of Thái Bình out of Yên Bái's users, codes and audit", async () => {
      const national = await userAgent(t, { role: 'national' });
      const thaiBinh = await userAgent(t, { role: 'province', province: 'VN-20' });
      expect(
        (await national.request('POST', '/console/api/users', newUser('yb-worker', 'caseworker', 'VN-06')))
          .status,
      ).toBe(200);
      await national.request('POST', '/console/api/codes', {
        testType: 'confirmed',
        testDate: '2026-03-09',
        province: 'VN-06',
      });

      const there = await thaiBinh.request(
        'POST',
        '/console/api/users',
        newUser('tb-into-yb', 'caseworker', 'VN-06'),
      );
      expect([there.status, there.json.errorCode]).toEqual([403, 'forbidden_area']);
      const code = await thaiBinh.request('POST', '/console/api/codes', {
        testType: 'confirmed',
        testDate: '2026-03-09',
        province: 'VN-06',
      });
      expect([code.status, code.json.errorCode]).toEqual([403, 'forbidden_area']);
      const ybCodes = (await national.request('GET', '/console/api/codes')).json.codes as {
        uuid: string;
        province: string;
      }[];
      const ybCode = ybCodes.find((c) => c.province === 'VN-06');
      const expire = await thaiBinh.request('POST', '/console/api/codes/expire', { uuid: ybCode?.uuid });
      expect([expire.status, expire.json.errorCode]).toEqual([403, 'forbidden_area']);
      const disable = await thaiBinh.request('POST', '/console/api/users/yb-worker/disable', {});
      expect([disable.status, disable.json.errorCode]).toEqual([403, 'forbidden_area']);

      const own = await thaiBinh.request('POST', '/console/api/users', newUser('tb-worker', 'caseworker'));
      expect(own.json).toMatchObject({ username: 'tb-worker', role: 'caseworker', province: 'VN-20' });
      const officer = await thaiBinh.request(
        'POST',
        '/console/api/users',
        newUser('tb-officer-2', 'province', 'VN-20'),
      );
      expect([officer.status, officer.json.errorCode]).toEqual([403, 'forbidden_role']);
      const listed = (await thaiBinh.request('GET', '/console/api/users')).json.users as {
        username: string;
        province: string;
      }[];
      expect(listed.map((u) => u.username)).toEqual(['tb-worker']);
      expect((await thaiBinh.request('GET', '/console/api/codes')).json.codes).toEqual([]);
      const audit = (await thaiBinh.request('GET', '/console/api/audit')).json.entries as {
        province: string;
      }[];
      expect(audit.length).toBeGreaterThan(0);
      expect(new Set(audit.map((e) => e.province))).toEqual(new Set(['VN-20']));
      const all = (await national.request('GET', '/console/api/audit')).json.entries as {
        province: string;
      }[];
      expect(all.some((e) => e.province === 'VN-06')).toBe(true);
    });

    it('lets an analyst read but never write', async () => {
      const analyst = await userAgent(t, { role: 'analyst', province: 'VN-20' });
      expect((await analyst.request('GET', '/console/api/codes')).status).toBe(200);
      expect((await analyst.request('GET', '/console/api/session')).status).toBe(200);
      for (const [url, body] of [
        ['/console/api/codes', { testType: 'confirmed', testDate: '2026-03-09' }],
        ['/console/api/codes/expire', { uuid: '00000000-0000-4000-8000-000000000000' }],
        ['/console/api/users', newUser('by-analyst', 'analyst', 'VN-20')],
        ['/console/api/users/tb-worker/disable', {}],
      ] as const) {
        const refused = await analyst.request('POST', url, body);
        expect([refused.status, refused.json.errorCode], url).toEqual([403, 'forbidden_role']);
      }
      expect((await analyst.request('GET', '/console/api/users')).json.errorCode).toBe('forbidden_role');
      expect((await analyst.request('GET', '/console/api/audit')).json.errorCode).toBe('forbidden_role');
    });

    it('validates new users and refuses duplicates', async () => {
      const national = await userAgent(t, { role: 'national' });
      const cases: [Record<string, unknown>, string][] = [
        [newUser('ab', 'analyst'), 'invalid_username'],
        [{ ...newUser('short-pass', 'analyst'), password: 'too short' }, 'password_too_short'],
        [newUser('bad-role', 'admin'), 'invalid_role'],
        [newUser('bad-province', 'caseworker', 'VN-99X'), 'unknown_province'],
        // Shaped like a province code but not one of /v1/areas: refused by the same check as adoption's.
        [newUser('no-such-province', 'province', 'VN-99'), 'unknown_province'],
        [newUser('no-such-worker', 'caseworker', 'VN-00'), 'unknown_province'],
        [newUser('no-province', 'province'), 'invalid_province'],
        [newUser('national-with', 'national', 'VN-20'), 'invalid_province'],
      ];
      for (const [body, code] of cases)
        expect((await national.request('POST', '/console/api/users', body)).json.errorCode, code).toBe(code);
      expect(
        (await national.request('POST', '/console/api/users', newUser('Hanoi.Worker', 'caseworker', 'vn-hn')))
          .json,
      ).toMatchObject({
        username: 'hanoi.worker',
        province: 'VN-HN',
      });
      expect(
        (await national.request('POST', '/console/api/users', newUser('hanoi.worker', 'analyst'))).json
          .errorCode,
      ).toBe('username_taken');
    });

    it('disables users and resets passwords, ending their sessions', async () => {
      const national = await userAgent(t, { role: 'national' });
      const worker = await userAgent(t, { role: 'caseworker', province: 'VN-20' });
      const reset = await national.request('POST', `/console/api/users/${worker.username}/password`, {
        password: 'a brand new password',
      });
      expect(reset.status).toBe(200);
      expect((await worker.request('GET', '/console/api/session')).json.errorCode).toBe('not_signed_in');
      expect((await signInRequest(t, worker.username, worker.password)).json.errorCode).toBe('login_failed');
      const again = await signIn(t, worker.username, 'a brand new password');
      const disabled = await national.request('POST', `/console/api/users/${worker.username}/disable`, {});
      expect(disabled.json).toMatchObject({ disabled: true });
      expect((await again.request('GET', '/console/api/session')).json.errorCode).toBe('not_signed_in');
      expect((await signInRequest(t, worker.username, 'a brand new password')).json.errorCode).toBe(
        'login_failed',
      );
      expect(
        (await national.request('POST', '/console/api/users/nobody-at-all/disable', {})).json.errorCode,
      ).toBe('user_not_found');
      const entries = (await national.request('GET', '/console/api/audit?limit=20')).json.entries as {
        action: string;
        target: string;
      }[];
      expect(entries.filter((e) => e.target === worker.username).map((e) => e.action)).toEqual([
        'user_disabled',
        'user_password_reset',
        'user_created',
      ]);
    });
  });
});
