import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, signIn, signInRequest, userAgent } from '../testing/console-test-kit.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { forEachDatabase } from '../testing/test-databases.js';
import { base32Decode, totp } from './totp.js';

const MINUTE = 60_000;

forEachDatabase((database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({}, await database.location());
  });
  afterAll(() => t.app.close());

  describe('console sessions', () => {
    it('signs in with an HttpOnly, SameSite=Strict cookie, answers who is signed in, signs out', async () => {
      const agent = await userAgent(t, { role: 'national' });
      const answer = await signInRequest(t, agent.username, agent.password);
      expect(answer.status).toBe(200);
      expect(answer.json).toMatchObject({
        user: { username: agent.username, role: 'national', province: null },
      });
      const cookie = String(answer.headers['set-cookie']);
      expect(cookie).toMatch(
        /^bz_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Strict; Max-Age=43200$/,
      );
      const me = await agent.request('GET', '/console/api/session');
      expect(me.json).toMatchObject({ user: { username: agent.username }, csrfToken: agent.csrfToken });
      expect((await agent.request('DELETE', '/console/api/session')).json).toEqual({ signedOut: true });
      const after = await agent.request('GET', '/console/api/session');
      expect([after.status, after.json.errorCode]).toEqual([401, 'not_signed_in']);
      expect((await call(t, 'GET', '/console/api/session')).json.errorCode).toBe('not_signed_in');
    });

    it('answers a wrong password and an unknown username alike', async () => {
      const agent = await userAgent(t, { role: 'analyst' });
      const wrong = await signInRequest(t, agent.username, 'not the password');
      const unknown = await signInRequest(t, 'nobody-here', 'not the password');
      expect([wrong.status, wrong.json]).toEqual([
        401,
        { error: expect.any(String), errorCode: 'login_failed' },
      ]);
      expect([unknown.status, unknown.json]).toEqual([wrong.status, wrong.json]);
    });

    it('locks an account for 15 minutes after 5 failures, known or not', async () => {
      const agent = await userAgent(t, { role: 'caseworker', province: 'VN-20' });
      for (const name of [agent.username, 'no-such-user']) {
        const codes: unknown[] = [];
        for (let i = 0; i < 5; i++)
          codes.push((await signInRequest(t, name, 'wrong password!')).json.errorCode);
        expect(codes).toEqual([
          'login_failed',
          'login_failed',
          'login_failed',
          'login_failed',
          'account_locked',
        ]);
        const locked = await signInRequest(
          t,
          name,
          name === agent.username ? agent.password : 'x'.repeat(12),
        );
        expect(locked.status).toBe(423);
        expect(locked.json).toMatchObject({ errorCode: 'account_locked' });
        expect(new Date(String(locked.json.lockedUntil)).getTime()).toBe(
          t.clock.now().getTime() + 15 * MINUTE,
        );
        expect(locked.headers['retry-after']).toBe('900');
      }
      t.clock.advance(15 * MINUTE);
      expect((await signInRequest(t, agent.username, agent.password)).status).toBe(200);
    });

    it('refuses state-changing requests without the session CSRF token', async () => {
      const agent = await userAgent(t, { role: 'national' });
      const body = { username: 'csrf-victim', password: 'long enough password', role: 'analyst' };
      for (const csrf of [null, 'forged', `${agent.csrfToken}x`]) {
        const refused = await agent.request('POST', '/console/api/users', body, csrf);
        expect([refused.status, refused.json.errorCode]).toEqual([403, 'csrf_token_invalid']);
      }
      expect((await agent.request('DELETE', '/console/api/session', undefined, null)).status).toBe(403);
      expect((await agent.request('GET', '/console/api/users', undefined, null)).status).toBe(200);
      expect((await agent.request('POST', '/console/api/users', body)).status).toBe(200);
    });

    it('ends a session after 30 idle minutes and 12 hours after sign-in', async () => {
      const idle = await userAgent(t, { role: 'analyst' });
      t.clock.advance(29 * MINUTE);
      expect((await idle.request('GET', '/console/api/session')).status).toBe(200);
      t.clock.advance(31 * MINUTE);
      expect((await idle.request('GET', '/console/api/session')).json.errorCode).toBe('not_signed_in');
      const busy = await userAgent(t, { role: 'analyst' });
      for (let minutes = 25; minutes < 12 * 60; minutes += 25) {
        t.clock.advance(25 * MINUTE);
        expect((await busy.request('GET', '/console/api/session')).status, `${minutes} min`).toBe(200);
      }
      t.clock.advance(25 * MINUTE);
      expect((await busy.request('GET', '/console/api/session')).json.errorCode).toBe('not_signed_in');
    });

    it('enrols TOTP, then requires a fresh code at sign-in', async () => {
      const agent = await userAgent(t, { role: 'national' });
      const confirmEarly = await agent.request('POST', '/console/api/session/totp/confirm', {
        code: '123456',
      });
      expect(confirmEarly.json.errorCode).toBe('totp_not_enrolled');
      const enrolled = await agent.request('POST', '/console/api/session/totp', {});
      expect(enrolled.json.otpauthUri).toMatch(/^otpauth:\/\/totp\/Bluezone%3A/);
      const secret = base32Decode(String(enrolled.json.secret)) ?? new Uint8Array();
      expect(secret).toHaveLength(20);
      const wrong = String((Number(totp(secret, t.clock.now())) + 1) % 1_000_000).padStart(6, '0');
      expect(
        (await agent.request('POST', '/console/api/session/totp/confirm', { code: wrong })).json.errorCode,
      ).toBe('totp_invalid');
      const confirmed = await agent.request('POST', '/console/api/session/totp/confirm', {
        code: totp(secret, t.clock.now()),
      });
      expect(confirmed.json).toEqual({ totpEnabled: true });

      t.clock.advance(MINUTE);
      const without = await signInRequest(t, agent.username, agent.password);
      expect([without.status, without.json.errorCode]).toEqual([401, 'totp_required']);
      expect((await signInRequest(t, agent.username, agent.password, wrong)).json.errorCode).toBe(
        'totp_invalid',
      );
      const code = totp(secret, t.clock.now());
      const ok = await signIn(t, agent.username, agent.password, code);
      expect((await ok.request('GET', '/console/api/session')).json.totpEnabled).toBe(true);
      // The same code is never accepted twice.
      expect((await signInRequest(t, agent.username, agent.password, code)).json.errorCode).toBe(
        'totp_invalid',
      );
      expect((await agent.request('POST', '/console/api/session/totp', {})).json.errorCode).toBe(
        'totp_already_enabled',
      );
    });
  });
});
