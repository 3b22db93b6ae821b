/**
 * Sign-in attempts on usernames that do not exist (or are disabled), counted in memory exactly as
 * those of real accounts are counted in the database (`takeAttempt` / `recordFailure` in
 * user.repository.ts), so that neither the answer nor its time tells an attacker a username exists.
 * An attempt is taken before the dummy hash; once `limit` are counted the name is locked and further
 * attempts are refused without hashing. Bounded: the least recently used names are forgotten first.
 */
export function createUnknownUserThrottle(limit: number, lockMs: number, maxNames = 10_000) {
  const entries = new Map<string, { counted: number; lockedUntil: number }>();
  const touch = (name: string) => {
    const entry = entries.get(name) ?? { counted: 0, lockedUntil: 0 };
    entries.delete(name);
    entries.set(name, entry);
    if (entries.size > maxNames) {
      const oldest = entries.keys().next().value;
      if (oldest !== undefined) entries.delete(oldest);
    }
    return entry;
  };
  return {
    /**
     * Takes an attempt: undefined when taken, else the time the name is locked until (a lock in
     * force, or one this attempt starts because `limit` attempts are already counted).
     */
    take(name: string, now: Date): Date | undefined {
      const entry = touch(name);
      const at = now.getTime();
      if (entry.lockedUntil > at) return new Date(entry.lockedUntil);
      if (entry.counted >= limit) {
        entry.counted = 0;
        entry.lockedUntil = at + lockMs;
        return new Date(entry.lockedUntil);
      }
      entry.counted++;
      return undefined;
    },

    /** A taken attempt failed; returns the lock's end when the name is locked now. */
    fail(name: string, now: Date): Date | undefined {
      const entry = touch(name);
      const at = now.getTime();
      if (entry.lockedUntil <= at && entry.counted >= limit) {
        entry.counted = 0;
        entry.lockedUntil = at + lockMs;
      }
      return entry.lockedUntil > at ? new Date(entry.lockedUntil) : undefined;
    },
  };
}
