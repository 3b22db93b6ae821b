import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rateLimitCounts } from '../database/rate-limits.schema.js';
import { createCleanupService } from '../retention/cleanup.service.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { forEachDatabase } from '../testing/test-databases.js';
import { createSharedRateLimiter } from './shared-rate-limiter.js';

const MINUTE = 60_000;

const signInFrom = async (t: TestApp, address: string, username: string) =>
  (
    await t.app.server.inject({
      method: 'POST',
      url: '/console/api/session',
      remoteAddress: address,
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ username, password: 'wrong password' }),
    })
  ).statusCode;

forEachDatabase((database) => {
  // Two app instances on one PostgreSQL database stand for two server processes behind a balancer
  // (they share nothing but the database); PGlite is one process, so there the one app does it all.
  describe('limits shared by every server process', () => {
    let apps: TestApp[];
    beforeAll(async () => {
      const env = { BLUEZONE_SIGNIN_ADDRESS_LIMIT: '6', BLUEZONE_SIGNIN_RATE_WINDOW: '1m' };
      const location = await database.location();
      const first = await createTestApp(env, location);
      apps = database.kind === 'postgres' ? [first, await createTestApp(env, location)] : [first];
    });
    afterAll(() => Promise.all(apps.map((t) => t.app.close())));
    const appAt = (i: number) => apps[i % apps.length] as TestApp;

    it('counts one address across processes, and lets it in again as the window slides', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) statuses.push(await signInFrom(appAt(i), '203.0.113.50', `shared-${i}`));
      expect(statuses.slice(0, 6)).not.toContain(429);
      expect(statuses[6]).toBe(429);
      expect(await signInFrom(appAt(1), '203.0.113.51', 'other-address')).toBe(401);
      // Half a window later the previous window still weighs half: 7 / 2 + 1 > 6 is false, so 1 more.
      for (const t of apps) t.clock.advance(MINUTE + MINUTE / 2);
      expect(await signInFrom(appAt(1), '203.0.113.50', 'shared-again')).toBe(401);
      for (const t of apps) t.clock.advance(2 * MINUTE);
      expect(await signInFrom(appAt(0), '203.0.113.50', 'shared-later')).toBe(401);
    });

    it('stores no address and deletes rows once their window no longer counts', async () => {
      const t = appAt(0);
      const { db, keys, clock } = t.app.core;
      const limiter = createSharedRateLimiter(db, keys, clock, { scope: 'test', limit: 2, windowMs: MINUTE });
      const rows = async () =>
        (await db.select({ n: count() }).from(rateLimitCounts).where(eqScope('test')))[0]?.n ?? 0;
      expect((await limiter.take('198.51.100.9')).allowed).toBe(true);
      expect((await limiter.take('198.51.100.9')).allowed).toBe(true);
      expect(await limiter.take('198.51.100.9')).toEqual({
        allowed: false,
        retryAfterSeconds: expect.any(Number),
      });
      const stored = await db.select().from(rateLimitCounts).where(eqScope('test'));
      expect(stored).toHaveLength(1);
      expect(Buffer.from(stored[0]?.keyHmac ?? []).toString('latin1')).not.toContain('198.51.100.9');
      for (const app of apps) app.clock.advance(MINUTE);
      await limiter.take('198.51.100.9');
      expect(await rows()).toBe(2);
      for (const app of apps) app.clock.advance(MINUTE);
      await limiter.take('198.51.100.10');
      // The first window's row ended with the window after it: deleted.
      expect(await rows()).toBe(2);
      for (const app of apps) app.clock.advance(2 * MINUTE);
      await limiter.take('198.51.100.11');
      expect(await rows()).toBe(1);
      // With no request at all, the cleanup job deletes them.
      for (const app of apps) app.clock.advance(2 * MINUTE);
      expect((await createCleanupService(t.app.core)()).rateLimitCounts).toBeGreaterThanOrEqual(1);
      expect(await rows()).toBe(0);
    });
  });
});

const eqScope = (scope: string) => eq(rateLimitCounts.scope, scope);
