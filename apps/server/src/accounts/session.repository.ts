import { and, eq, gt, lt, or } from 'drizzle-orm';
import { consoleSessions, consoleUsers } from '../database/accounts.schema.js';
import type { Database } from '../database/database.types.js';
import type { ConsoleUserRow } from './user.repository.js';

export type ConsoleSessionRow = typeof consoleSessions.$inferSelect;

/** Console sessions, stored by the SHA-256 of their id. */
export function createSessionRepository(db: Database) {
  return {
    async insert(session: ConsoleSessionRow): Promise<void> {
      await db.insert(consoleSessions).values(session);
    },

    /**
     * The live session with this id hash and its enabled user: not past its absolute expiry, seen within
     * `idleSince`. Marks it seen `now`.
     */
    async touch(
      idHash: Uint8Array,
      now: Date,
      idleSince: Date,
    ): Promise<{ session: ConsoleSessionRow; user: ConsoleUserRow } | undefined> {
      const [row] = await db
        .update(consoleSessions)
        .set({ lastSeenAt: now })
        .where(
          and(
            eq(consoleSessions.idHash, idHash),
            gt(consoleSessions.expiresAt, now),
            gt(consoleSessions.lastSeenAt, idleSince),
          ),
        )
        .returning();
      if (!row) return undefined;
      const [user] = await db.select().from(consoleUsers).where(eq(consoleUsers.id, row.userId));
      if (!user || user.disabled) return undefined;
      return { session: row, user };
    },

    async delete(idHash: Uint8Array): Promise<void> {
      await db.delete(consoleSessions).where(eq(consoleSessions.idHash, idHash));
    },

    /** Deletes sessions past their absolute expiry or idle since before `idleSince`; returns how many. */
    async deleteExpired(now: Date, idleSince: Date): Promise<number> {
      const rows = await db
        .delete(consoleSessions)
        .where(or(lt(consoleSessions.expiresAt, now), lt(consoleSessions.lastSeenAt, idleSince)))
        .returning({ userId: consoleSessions.userId });
      return rows.length;
    },
  };
}

export type SessionRepository = ReturnType<typeof createSessionRepository>;
