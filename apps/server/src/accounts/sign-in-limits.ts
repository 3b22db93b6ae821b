import { clientGroup } from '../http/client-group.js';
import { rateLimited } from '../http/rate-limiter.js';
import { createSharedRateLimiter } from '../rate-limits/shared-rate-limiter.js';
import type { ConsoleDeps } from './console.types.js';

/**
 * What keeps a flood of sign-ins from starving the others, all before a password is hashed: sliding
 * limits per client address (IPv6 by /64) and per username, shared by every process through
 * PostgreSQL (`BLUEZONE_SIGNIN_*`); then a bound on the scrypt hashes this process runs at once, with
 * at most a few per address running or waiting, so one address cannot fill the queue.
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
  const byAddress = new Map<string, number>();

  return {
    /** Counts the attempt against the address and the username; refuses with 429 past either. */
    async admit(address: string, username: string): Promise<void> {
      const fromAddress = await perAddress.take(clientGroup(address));
      if (!fromAddress.allowed) throw rateLimited(fromAddress.retryAfterSeconds);
      const onAccount = await perAccount.take(username);
      if (!onAccount.allowed) throw rateLimited(onAccount.retryAfterSeconds);
    },

    /**
     * Runs a password hash in a free slot: at once when one is free, after a short wait otherwise;
     * 429 when the address already has its share of hashes running or waiting, or the wait ran out.
     */
    async hashing<T>(address: string, hash: () => Promise<T>): Promise<T> {
      const group = clientGroup(address);
      const held = byAddress.get(group) ?? 0;
      if (held >= config.signInHashesPerAddress) throw rateLimited(1);
      byAddress.set(group, held + 1);
      try {
        return await gate.run(hash);
      } finally {
        const left = (byAddress.get(group) ?? 1) - 1;
        if (left > 0) byAddress.set(group, left);
        else byAddress.delete(group);
      }
    },
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
