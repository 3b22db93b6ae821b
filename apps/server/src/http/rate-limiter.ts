import { createHash } from 'node:crypto';
import type { Clock } from '../clock.js';

/**
 * Limits requests per key in fixed windows. The in-process implementation is right for one server
 * process; with several replicas each counts alone, so the effective limit is multiplied by the number
 * of replicas. NOTE: a PostgreSQL-backed limiter (one shared counter row per key and window) replaces
 * it when the server runs replicated — docs/security.md states the limit per process.
 */
export interface RateLimiter {
  /** Counts one request; says whether it is allowed and, if not, how many seconds until it would be. */
  take(key: string): { allowed: boolean; retryAfterSeconds: number };
}

const MAX_TRACKED = 100_000;

export function createInMemoryRateLimiter(limit: number, windowMs: number, clock: Clock): RateLimiter {
  const windows = new Map<string, { start: number; count: number }>();
  return {
    take(key) {
      const now = clock.now().getTime();
      const start = now - (now % windowMs);
      // Keys are hashed: the map never holds an address or an API key in clear.
      const id = createHash('sha256').update(key).digest('base64');
      if (windows.size >= MAX_TRACKED) {
        for (const [k, w] of windows) if (w.start < start) windows.delete(k);
      }
      const current = windows.get(id);
      const window = current && current.start === start ? current : { start, count: 0 };
      window.count++;
      windows.set(id, window);
      const allowed = window.count <= limit;
      return { allowed, retryAfterSeconds: allowed ? 0 : Math.ceil((start + windowMs - now) / 1000) };
    },
  };
}
