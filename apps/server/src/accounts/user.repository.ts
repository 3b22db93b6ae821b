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

/** Whether a lock is in force at `now`, in SQL. */
const lockedAt = (now: Date) =>
  sql`(${consoleUsers.lockedUntil} IS NOT NULL AND ${consoleUsers.lockedUntil} > ${now.toISOString()}::timestamptz)`;

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
     * Takes a sign-in attempt on the named account in one statement, before its password is checked:
     * the attempt is counted as a failure until `recordSuccess` says otherwise. When the account is
     * locked at `now`, nothing changes; when `limit` attempts are already counted (failed or still being
     * checked), the account is locked until `lockUntil` and the count starts again. Returns the row
     * after the update (undefined for an unknown username): the attempt was taken when the row is not
     * locked at `now`.
     */
    async takeAttempt(
      username: string,
      limit: number,
      now: Date,
      lockUntil: Date,
    ): Promise<ConsoleUserRow | undefined> {
      const lockedNow = lockedAt(now);
      const full = sql`${consoleUsers.failedAttempts} >= ${limit}`;
      const [row] = await db
        .update(consoleUsers)
        .set({
          failedAttempts: sql`CASE WHEN ${lockedNow} THEN ${consoleUsers.failedAttempts} WHEN ${full} THEN 0 ELSE ${consoleUsers.failedAttempts} + 1 END`,
          lockedUntil: sql`CASE WHEN ${lockedNow} THEN ${consoleUsers.lockedUntil} WHEN ${full} THEN ${lockUntil.toISOString()}::timestamptz ELSE ${consoleUsers.lockedUntil} END`,
        })
        .where(byName(username))
        .returning();
      return row;
    },

    /**
     * A taken attempt failed: it is already counted; when `limit` attempts are counted the account is
     * locked until `lockUntil` (unless a lock is already in force) and the count starts again.
     * Returns the row after the update.
     */
    async recordFailure(
      id: string,
      limit: number,
      now: Date,
      lockUntil: Date,
    ): Promise<ConsoleUserRow | undefined> {
      const lockedNow = lockedAt(now);
      const reached = sql`(NOT ${lockedNow} AND ${consoleUsers.failedAttempts} >= ${limit})`;
      const [row] = await db
        .update(consoleUsers)
        .set({
          failedAttempts: sql`CASE WHEN ${reached} THEN 0 ELSE ${consoleUsers.failedAttempts} END`,
          lockedUntil: sql`CASE WHEN ${reached} THEN ${lockUntil.toISOString()}::timestamptz ELSE ${consoleUsers.lockedUntil} END`,
        })
        .where(eq(consoleUsers.id, id))
        .returning();
      return row;
    },

    /**
     * A taken attempt succeeded: clears the count, and records the TOTP step used, in one statement
     * that applies only when no lock is in force at `now` and the step is later than the last one
     * used (a code counts once, however many requests carry it at the same time). False when it did
     * not apply: the caller reads the row again to tell a lock from a replayed code.
     */
    async recordSuccess(id: string, now: Date, totpStep?: number): Promise<boolean> {
      const notLocked = sql`NOT ${lockedAt(now)}`;
      const freshStep =
        totpStep === undefined
          ? sql`TRUE`
          : sql`(${consoleUsers.totpLastStep} IS NULL OR ${consoleUsers.totpLastStep} < ${totpStep})`;
      const rows = await db
        .update(consoleUsers)
        .set({
          failedAttempts: 0,
          lockedUntil: null,
          ...(totpStep === undefined ? {} : { totpLastStep: totpStep }),
        })
        .where(and(eq(consoleUsers.id, id), notLocked, freshStep))
        .returning({ id: consoleUsers.id });
      return rows.length === 1;
    },

    /** Uncounts a taken attempt that was not a failure (right password, TOTP code still to come). */
    async releaseAttempt(id: string): Promise<void> {
      await db
        .update(consoleUsers)
        .set({ failedAttempts: sql`GREATEST(${consoleUsers.failedAttempts} - 1, 0)` })
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
