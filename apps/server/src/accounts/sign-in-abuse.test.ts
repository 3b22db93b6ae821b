import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConsoleAccount } from '../app/demo-account.js';
import { signIn, signInRequest, userAgent } from '../testing/console-test-kit.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { forEachDatabase } from '../testing/test-databases.js';
import { MAX_FAILED_LOGINS } from './session.service.js';
import { base32Decode, totp } from './totp.js';

const MINUTE = 60_000;

/** Sign-in limits high enough that only the lockout and the TOTP step decide. */
const UNLIMITED = {
  BLUEZONE_SIGNIN_ADDRESS_LIMIT: '100000',
  BLUEZONE_SIGNIN_ACCOUNT_LIMIT: '100000',
  BLUEZONE_SIGNIN_CONCURRENT_PER_ADDRESS: '1000',
  BLUEZONE_SIGNIN_HASH_WAIT: '60s',
};

const signInFrom = async (t: TestApp, address: string, username: string, password: string) => {
  const response = await t.app.server.inject({
    method: 'POST',
    url: '/console/api/session',
    remoteAddress: address,
    headers: { 'content-type': 'application/json' },
    payload: JSON.stringify({ username, password }),
  });
  return {
    status: response.statusCode,
    errorCode: (response.json() as { errorCode?: string }).errorCode,
    retryAfter: response.headers['retry-after'],
  };
};

let accounts = 0;
const newAccount = async (t: TestApp) => {
  accounts++;
  const username = `burst-target-${accounts}`;
  const password = `the right password ${accounts}`;
  await createConsoleAccount(t.app.core, { username, password, role: 'analyst' });
  return { username, password };
};

forEachDatabase((database) => {
  describe('console sign-in under a parallel burst', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(UNLIMITED, await database.location());
    });
    afterAll(() => t.app.close());

    it('ends locked with the right password refused, every time, and checks at most 5 passwords', async () => {
      for (let round = 0; round < 4; round++) {
        const { username, password } = await newAccount(t);
        const wrong = Array.from({ length: 30 }, (_, i) => `wrong password ${i}`);
        const right = 10 + round * 5;
        const passwords = [...wrong.slice(0, right), password, ...wrong.slice(right)];
        const answers = await Promise.all(passwords.map((p) => signInRequest(t, username, p)));
        const codes = answers.map((a) => a.json.errorCode ?? a.status);
        expect(codes[right], `round ${round}`).not.toBe(200);
        expect(codes.filter((c) => c === 200)).toEqual([]);
        // Only the attempts taken before the limit were hashed; every other one was refused as locked.
        expect(codes.filter((c) => c === 'login_failed').length).toBeLessThan(MAX_FAILED_LOGINS);
        expect(codes.filter((c) => c === 'account_locked').length).toBeGreaterThan(
          passwords.length - MAX_FAILED_LOGINS,
        );
        const after = await signInRequest(t, username, password);
        expect([after.status, after.json.errorCode]).toEqual([423, 'account_locked']);
      }
    });

    it('locks unknown usernames the same way', async () => {
      const answers = await Promise.all(
        Array.from({ length: 20 }, (_, i) => signInRequest(t, 'nobody-at-all', `wrong password ${i}`)),
      );
      const codes = answers.map((a) => a.json.errorCode);
      expect(codes.filter((c) => c === 'login_failed').length).toBeLessThan(MAX_FAILED_LOGINS);
      expect(codes.filter((c) => c === 'account_locked').length).toBeGreaterThan(20 - MAX_FAILED_LOGINS);
    });

    it('never lets a success clear a lock in force', async () => {
      const { username, password } = await newAccount(t);
      for (let i = 0; i < MAX_FAILED_LOGINS; i++) await signInRequest(t, username, 'wrong password!');
      expect((await signInRequest(t, username, password)).json.errorCode).toBe('account_locked');
      t.clock.advance(15 * MINUTE);
      expect((await signInRequest(t, username, password)).status).toBe(200);
    });

    it('accepts one TOTP code once, however many sign-ins carry it at the same time', async () => {
      const agent = await userAgent(t, { role: 'national' });
      const enrolled = await agent.request('POST', '/console/api/session/totp', {});
      const secret = base32Decode(String(enrolled.json.secret)) ?? new Uint8Array();
      await agent.request('POST', '/console/api/session/totp/confirm', { code: totp(secret, t.clock.now()) });
      for (let round = 0; round < 3; round++) {
        t.clock.advance(MINUTE);
        const code = totp(secret, t.clock.now());
        const answers = await Promise.all(
          Array.from({ length: 4 }, () => signInRequest(t, agent.username, agent.password, code)),
        );
        expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
        expect(answers.filter((a) => a.json.errorCode === 'totp_invalid')).toHaveLength(3);
        // The replays count as failures; a success resets the count, so sign in once more cleanly.
        t.clock.advance(MINUTE);
        await signIn(t, agent.username, agent.password, totp(secret, t.clock.now()));
      }
    });
  });

  describe('sign-in rate limits (the defaults)', () => {
    let t: TestApp;
    beforeAll(async () => {
      // Every limit at its default but the one that is a time: how long a sign-in may wait for a hash
      // slot (2 s) is a wall-clock bound, and on a loaded machine one hash alone takes longer
      // (docs/testing.md, "Tests on a busy machine"). The time the administrator took is printed.
      t = await createTestApp({ BLUEZONE_SIGNIN_HASH_WAIT: '60s' }, await database.location());
    });
    afterAll(() => t.app.close());

    it('lets an administrator in from another address during an 80-request burst', async () => {
      const admin = await newAccount(t);
      const target = await newAccount(t);
      const burst = Promise.all(
        Array.from({ length: 80 }, (_, i) =>
          signInFrom(t, '203.0.113.7', i % 2 ? target.username : `guess-${i}`, `wrong password ${i}`),
        ),
      );
      const started = performance.now();
      const signedIn = await signInFrom(t, '198.51.100.20', admin.username, admin.password);
      const took = performance.now() - started;
      const answers = await burst;
      console.info(`administrator signed in during an 80-request burst in ${Math.round(took)} ms`);
      expect(signedIn.status).toBe(200);
      const limited = answers.filter((a) => a.status === 429);
      expect(limited.length).toBeGreaterThan(40);
      for (const a of limited) {
        expect(a.errorCode).toBe('rate_limited');
        expect(Number(a.retryAfter)).toBeGreaterThanOrEqual(1);
      }
    });

    it('limits per address with IPv6 grouped by /64, and per account', async () => {
      const answers = [];
      for (let i = 0; i < 31; i++)
        answers.push(
          await signInFrom(t, `2001:db8:1:2::${(i + 1).toString(16)}`, `v6-${i}`, 'wrong password'),
        );
      expect(answers.slice(0, 30).map((a) => a.status)).not.toContain(429);
      expect(answers[30]).toMatchObject({ status: 429, errorCode: 'rate_limited' });
      expect((await signInFrom(t, '2001:db8:1:3::1', 'v6-other', 'wrong password')).status).toBe(401);
      const perAccount = [];
      for (let i = 0; i < 11; i++)
        perAccount.push(await signInFrom(t, `192.0.2.${i + 1}`, 'one-account', 'wrong password'));
      expect(perAccount[10]).toMatchObject({ status: 429, errorCode: 'rate_limited' });
      t.clock.advance(2 * MINUTE);
      expect((await signInFrom(t, '192.0.2.200', 'one-account', 'wrong password')).status).not.toBe(429);
    });
  });
});
