import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { type ConsoleRole, consoleSessions, consoleUsers } from '../database/accounts.schema.js';
import type { Database } from '../database/database.types.js';

export type ConsoleUserRow = typeof consoleUsers.$inferSelect;

export interface NewConsoleUser {
  username: string;
  passwordHash: string;
  role: ConsoleRole;
  province: string | null;
  createdAt: Date;
}

/** The console's accounts: only this module reads or writes `console_users`. */
export function createUserRepository(db: Database) {
  const byName = (username: string) => eq(consoleUsers.username, username);
  return {
    /** Inserts a user; undefined when the username is taken. */
    async insert(user: NewConsoleUser): Promise<ConsoleUserRow | undefined> {
      const [row] = await db.insert(consoleUsers).values(user).onConflictDoNothing().returning();
      return row;
    },

    async findByUsername(username: string): Promise<ConsoleUserRow | undefined> {
      const [row] = await db.select().from(consoleUsers).where(byName(username));
      return row;
    },

    async findById(id: string): Promise<ConsoleUserRow | undefined> {
      const [row] = await db.select().from(consoleUsers).where(eq(consoleUsers.id, id));
      return row;
    },

    /** All users, or those of one province with the given roles; by username. */
    async list(filter?: { province: string; roles: readonly ConsoleRole[] }): Promise<ConsoleUserRow[]> {
      const query = db.select().from(consoleUsers);
      const scoped = filter
        ? query.where(
            and(eq(consoleUsers.province, filter.province), inArray(consoleUsers.role, [...filter.roles])),
          )
        : query;
      return scoped.orderBy(asc(consoleUsers.username));
    },

    /**
     * Counts a failed sign-in in one statement: the `limit`-th failure locks the account until
     * `lockUntil` and starts the count again. Returns the row after the update.
     */
    async recordFailure(id: string, limit: number, lockUntil: Date): Promise<ConsoleUserRow | undefined> {
      const reached = sql`${consoleUsers.failedAttempts} + 1 >= ${limit}`;
      const [row] = await db
        .update(consoleUsers)
        .set({
          failedAttempts: sql`CASE WHEN ${reached} THEN 0 ELSE ${consoleUsers.failedAttempts} + 1 END`,
          lockedUntil: sql`CASE WHEN ${reached} THEN ${lockUntil.toISOString()}::timestamptz ELSE ${consoleUsers.lockedUntil} END`,
        })
        .where(eq(consoleUsers.id, id))
        .returning();
      return row;
    },

    async recordSuccess(id: string, totpStep?: number): Promise<void> {
      await db
        .update(consoleUsers)
        .set({
          failedAttempts: 0,
          lockedUntil: null,
          ...(totpStep === undefined ? {} : { totpLastStep: totpStep }),
        })
        .where(eq(consoleUsers.id, id));
    },

    async update(
      id: string,
      changes: Partial<
        Pick<
          ConsoleUserRow,
          | 'passwordHash'
          | 'disabled'
          | 'totpSecretEncrypted'
          | 'totpConfirmedAt'
          | 'totpLastStep'
          | 'failedAttempts'
          | 'lockedUntil'
        >
      >,
    ): Promise<ConsoleUserRow | undefined> {
      const [row] = await db.update(consoleUsers).set(changes).where(eq(consoleUsers.id, id)).returning();
      return row;
    },

    /** Ends every session of a user (disabled, password reset). */
    async deleteSessions(userId: string): Promise<void> {
      await db.delete(consoleSessions).where(eq(consoleSessions.userId, userId));
    },
  };
}

export type UserRepository = ReturnType<typeof createUserRepository>;
