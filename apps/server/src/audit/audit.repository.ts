import { and, desc, eq, lt, type SQL } from 'drizzle-orm';
import { auditLog } from '../database/accounts.schema.js';
import type { Database } from '../database/database.types.js';

/** What the console audits. Other console modules may add their own actions (snake_case). */
export type AuditAction =
  | 'login'
  | 'login_failed'
  | 'account_locked'
  | 'logout'
  | 'totp_enrolled'
  | 'user_created'
  | 'user_disabled'
  | 'user_password_reset'
  | 'code_issued'
  | 'code_expired'
  | (string & {});

export interface AuditEntry {
  /** Who acted; null for a sign-in attempt on an unknown username. */
  readonly actor: { readonly id: string; readonly username: string } | null;
  readonly action: AuditAction;
  /** What was acted on: a username, a code's uuid… never a patient's identity. */
  readonly target?: string | null;
  /** The province the action concerns, so provincial officers see their province's entries. */
  readonly province?: string | null;
  readonly details?: Record<string, unknown>;
}

export type AuditRow = typeof auditLog.$inferSelect;

export function createAuditRepository(db: Database) {
  return {
    async record(entry: AuditEntry, at: Date): Promise<void> {
      await db.insert(auditLog).values({
        at,
        userId: entry.actor?.id ?? null,
        username: entry.actor?.username ?? null,
        action: entry.action,
        target: entry.target ?? null,
        province: entry.province ?? null,
        details: entry.details ?? {},
      });
    },

    /** Newest first: `limit` entries with an id below `before`, of one province or all. */
    async list(options: { limit: number; before?: number; province?: string }): Promise<AuditRow[]> {
      const conditions: SQL[] = [];
      if (options.before !== undefined) conditions.push(lt(auditLog.id, options.before));
      if (options.province !== undefined) conditions.push(eq(auditLog.province, options.province));
      return db
        .select()
        .from(auditLog)
        .where(conditions.length > 0 ? and(...conditions) : undefined)
        .orderBy(desc(auditLog.id))
        .limit(options.limit);
    },
  };
}

export type AuditRepository = ReturnType<typeof createAuditRepository>;

/** Writes one audit entry at `at` (other console modules: campaigns, adoption imports…). */
export function recordAudit(db: Database, entry: AuditEntry, at: Date): Promise<void> {
  return createAuditRepository(db).record(entry, at);
}
