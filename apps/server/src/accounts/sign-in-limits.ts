import { clientGroup } from '../http/client-group.js';
import { rateLimited } from '../http/rate-limiter.js';
import { createSharedRateLimiter } from '../rate-limits/shared-rate-limiter.js';
import type { ConsoleDeps } from './console.types.js';

/**
 * What keeps a flood of sign-ins from starving the others, all before a password is hashed: sliding
 * limits per client address (IPv6 by /64) and per username, shared by every process through
 * PostgreSQL (`BLUEZONE_SIGNIN_*`), after a bound on the sign-ins one address has in progress in
 * this process (so a flood from one address costs neither hashes nor database work); then a bound on
 * the scrypt hashes this process runs at once.
 */
export function createSignInLimits(deps: ConsoleDeps) {
  const { config } = deps;
  const windowMs = config.signInRateWindow;
  const perAddress = createSharedRateLimiter(deps.db, deps.keys, deps.clock, {
    scope: 'signin-address',
    limit: config.signInAddressLimit,
    windowMs,
  });
  const perAccount = createSharedRateLimiter(deps.db, deps.keys, deps.clock, {
    scope: 'signin-account',
    limit: config.signInAccountLimit,
    windowMs,
  });
  const gate = createHashGate(config.signInHashesInFlight, config.signInHashWait);
  const inProgress = new Map<string, number>();

  return {
    /**
     * Runs a sign-in under the limits, before anything is hashed: first this process's bound on the
     * sign-ins one address group has in progress (429 with `Retry-After: 1` at once, without touching
     * the database), then the shared limits per address group and per username (429 with
     * `Retry-After` past either).
     */
    async guard<T>(address: string, username: string, signIn: () => Promise<T>): Promise<T> {
      const group = clientGroup(address);
      const held = inProgress.get(group) ?? 0;
      if (held >= config.signInConcurrentPerAddress) throw rateLimited(1);
      inProgress.set(group, held + 1);
      try {
        const fromAddress = await perAddress.take(group);
        if (!fromAddress.allowed) throw rateLimited(fromAddress.retryAfterSeconds);
        const onAccount = await perAccount.take(username);
        if (!onAccount.allowed) throw rateLimited(onAccount.retryAfterSeconds);
        return await signIn();
      } finally {
        const left = (inProgress.get(group) ?? 1) - 1;
        if (left > 0) inProgress.set(group, left);
        else inProgress.delete(group);
      }
    },

    /** Runs a password hash in a free slot: at once, after a short wait, or 429 when the wait ran out. */
    hashing: <T>(hash: () => Promise<T>): Promise<T> => gate.run(hash),
  };
}

export type SignInLimits = ReturnType<typeof createSignInLimits>;

/**
 * At most `slots` tasks at once; the others wait in order, each at most `waitMs`, then are refused
 * with 429 `rate_limited` (nothing runs for them).
 */
export function createHashGate(slots: number, waitMs: number) {
  let running = 0;
  const waiting: { start: () => void; timer: NodeJS.Timeout }[] = [];
  const release = () => {
    const next = waiting.shift();
    if (next) {
      clearTimeout(next.timer);
      next.start();
    } else running--;
  };
  return {
    async run<T>(task: () => Promise<T>): Promise<T> {
      if (running < slots) running++;
      else
        await new Promise<void>((resolve, reject) => {
          const entry = {
            start: resolve,
            timer: setTimeout(() => {
              waiting.splice(waiting.indexOf(entry), 1);
              reject(rateLimited(1));
            }, waitMs),
          };
          waiting.push(entry);
        });
      try {
        return await task();
      } finally {
        release();
      }
    },
  };
}
