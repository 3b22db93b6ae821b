import { createHash } from 'node:crypto';
import type { Clock } from '../clock.js';
import { AppError } from '../errors/app-error.js';

/**
 * Limits requests per key in sliding windows: a request at a fraction `f` into the current window
 * counts the previous window's requests weighted by `1 - f` plus the current window's (the
 * sliding-window counter). Refused requests count too, so a client that keeps trying stays refused.
 * Two implementations: in this process's memory (bounded), and shared by every server process
 * through PostgreSQL (rate-limits/shared-rate-limiter.ts).
 */
export interface RateLimiter {
  /** Counts one request; says whether it is allowed and, if not, how many seconds until one would be. */
  take(key: string): Promise<RateDecision>;
}

export interface RateDecision {
  readonly allowed: boolean;
  /** 0 when allowed, else at least 1. */
  readonly retryAfterSeconds: number;
}

/** 429 `rate_limited`, answered with `Retry-After`. */
export const rateLimited = (retryAfterSeconds: number) =>
  new AppError('rate_limited', undefined, { retryAfterSeconds });

/** Counts a request under `key`; throws 429 `rate_limited` with `Retry-After` past the limit. */
export async function takeOrRefuse(limiter: RateLimiter, key: string): Promise<void> {
  const { allowed, retryAfterSeconds } = await limiter.take(key);
  if (!allowed) throw rateLimited(retryAfterSeconds);
}

/** Where `now` falls: the current window's start and how far into it. */
export function windowOf(now: number, windowMs: number): { start: number; elapsed: number } {
  const start = now - (now % windowMs);
  return { start, elapsed: now - start };
}

/**
 * The decision for a request counted as the `current`-th of its window, with `previous` in the window
 * before, `elapsed` ms into a window of `windowMs`.
 */
export function slidingDecision(
  previous: number,
  current: number,
  limit: number,
  windowMs: number,
  elapsed: number,
): RateDecision {
  const weight = 1 - elapsed / windowMs;
  if (previous * weight + current <= limit) return { allowed: true, retryAfterSeconds: 0 };
  // The next request is allowed once the weighted count plus one fits: within this window when the
  // current count leaves room and the previous window's weight decays enough, else in the next one.
  let waitMs: number;
  if (current + 1 <= limit && previous > 0) {
    waitMs = (1 - (limit - 1 - current) / previous) * windowMs - elapsed;
  } else {
    const into = current > 0 ? Math.max(0, 1 - (limit - 1) / current) : 0;
    waitMs = windowMs - elapsed + into * windowMs;
  }
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
}

/** Keys tracked by one in-memory limiter; past it the least recently seen key is forgotten (O(1)). */
export const MAX_TRACKED = 100_000;

/**
 * The in-process limiter: right for one process, or for a limit that is meant per process (adoption
 * reports, docs/security.md). Keys are hashed, so the map never holds an address or an API key in
 * clear; the map is kept in least-recently-seen order and holds at most `maxTracked` keys.
 */
export function createInMemoryRateLimiter(
  limit: number,
  windowMs: number,
  clock: Clock,
  maxTracked = MAX_TRACKED,
): RateLimiter {
  const counts = new Map<string, { start: number; current: number; previous: number }>();
  return {
    async take(key) {
      const now = clock.now().getTime();
      const { start, elapsed } = windowOf(now, windowMs);
      const id = createHash('sha256').update(key).digest('base64');
      const entry = counts.get(id) ?? { start, current: 0, previous: 0 };
      counts.delete(id);
      if (entry.start !== start) {
        entry.previous = entry.start === start - windowMs ? entry.current : 0;
        entry.current = 0;
        entry.start = start;
      }
      entry.current++;
      counts.set(id, entry);
      if (counts.size > maxTracked) {
        const oldest = counts.keys().next().value;
        if (oldest !== undefined) counts.delete(oldest);
      }
      return slidingDecision(entry.previous, entry.current, limit, windowMs, elapsed);
    },
  };
}
