/**
 * Failed sign-ins on usernames that do not exist, counted in memory like those of real accounts
 * (which are counted in the database), so that "locked" does not tell an attacker a username exists.
 * Bounded: the oldest names are forgotten first.
 */
export function createUnknownUserThrottle(limit: number, lockMs: number, maxNames = 10_000) {
  const entries = new Map<string, { failed: number; lockedUntil: number }>();
  return {
    /** The time the name is locked until, if it is locked at `now`. */
    lockedUntil(name: string, now: Date): Date | undefined {
      const entry = entries.get(name);
      return entry && entry.lockedUntil > now.getTime() ? new Date(entry.lockedUntil) : undefined;
    },

    /** Counts a failure; returns the lock's end when this failure locks the name. */
    fail(name: string, now: Date): Date | undefined {
      const entry = entries.get(name) ?? { failed: 0, lockedUntil: 0 };
      entries.delete(name);
      entry.failed++;
      let locked: Date | undefined;
      if (entry.failed >= limit) {
        entry.failed = 0;
        entry.lockedUntil = now.getTime() + lockMs;
        locked = new Date(entry.lockedUntil);
      }
      entries.set(name, entry);
      if (entries.size > maxNames) {
        const oldest = entries.keys().next().value;
        if (oldest !== undefined) entries.delete(oldest);
      }
      return locked;
    },
  };
}
