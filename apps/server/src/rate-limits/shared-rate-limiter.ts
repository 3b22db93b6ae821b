import { and, eq, lte, sql } from 'drizzle-orm';
import type { Clock } from '../clock.js';
import type { ServerKeys } from '../crypto/server-keys.js';
import type { Database } from '../database/database.types.js';
import { rateLimitCounts } from '../database/rate-limits.schema.js';
import { type RateLimiter, slidingDecision, windowOf } from '../http/rate-limiter.js';

/** Deletes every count whose window no longer counts (of one limit, or of all); returns how many. */
export async function deleteEndedRateLimitCounts(db: Database, now: Date, scope?: string): Promise<number> {
  const ended = lte(rateLimitCounts.expiresAt, now);
  const rows = await db
    .delete(rateLimitCounts)
    .where(scope === undefined ? ended : and(eq(rateLimitCounts.scope, scope), ended))
    .returning({ scope: rateLimitCounts.scope });
  return rows.length;
}

export interface SharedRateLimit {
  /** The limit's name, stored with its rows ('verify', 'signin-address', 'signin-account'). */
  readonly scope: string;
  readonly limit: number;
  readonly windowMs: number;
}

/**
 * A sliding-window limit shared by every server process through the `rate_limit_counts` table
 * (migrations/0008_rate_limits.sql), so N processes behind a balancer allow `limit` together, not N
 * times it. One upsert counts the request (row-locked, so parallel requests on several processes
 * count exactly), its RETURNING reads the previous window's count. Keys are stored only as an HMAC
 * under a key that changes each window; rows are deleted once the window after theirs has ended
 * (by each process on its first request of a window, and by the cleanup job). Works the same on PGlite (one process).
 */
export function createSharedRateLimiter(
  db: Database,
  keys: ServerKeys,
  clock: Clock,
  { scope, limit, windowMs }: SharedRateLimit,
): RateLimiter {
  let purgedWindow = -1;
  const hmacOf = (windowStart: number, key: string) =>
    keys.rateLimitHmac(`${scope} ${windowMs} ${windowStart}`, key);

  return {
    async take(key) {
      const now = clock.now();
      const { start, elapsed } = windowOf(now.getTime(), windowMs);
      if (purgedWindow !== start) {
        purgedWindow = start;
        await deleteEndedRateLimitCounts(db, now, scope);
      }
      const previousStart = start - windowMs;
      // One statement: the upsert counts this request and its RETURNING reads the previous window.
      const [counted] = await db
        .insert(rateLimitCounts)
        .values({
          scope,
          windowStart: new Date(start),
          keyHmac: hmacOf(start, key),
          hits: 1,
          expiresAt: new Date(start + 2 * windowMs),
        })
        .onConflictDoUpdate({
          target: [rateLimitCounts.scope, rateLimitCounts.windowStart, rateLimitCounts.keyHmac],
          set: { hits: sql`${rateLimitCounts.hits} + 1` },
        })
        .returning({
          hits: rateLimitCounts.hits,
          previous: sql<
            number | null
          >`(SELECT p.hits FROM rate_limit_counts p WHERE p.scope = ${scope} AND p.window_start = ${new Date(previousStart).toISOString()}::timestamptz AND p.key_hmac = ${Buffer.from(hmacOf(previousStart, key))})`,
        });
      return slidingDecision(Number(counted?.previous ?? 0), counted?.hits ?? 1, limit, windowMs, elapsed);
    },
  };
}
