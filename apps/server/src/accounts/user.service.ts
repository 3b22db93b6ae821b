import { createAuditRepository } from '../audit/audit.repository.js';
import type { ConsoleDeps } from './console.types.js';
import { ConsoleError } from './console-errors.js';
import { checkPasswordPolicy, hashPassword } from './password.js';
import {
  ADMIN_ROLES,
  assertCanManageUser,
  assertRole,
  type ConsoleUser,
  PROVINCE_MANAGED_ROLES,
} from './roles.js';
import { createUserRepository } from './user.repository.js';
import {
  type ConsoleUserView,
  type NewUserInput,
  normalizeUsername,
  userView,
  validateNewUser,
} from './users.js';

/**
 * Console accounts: create (by an administrator, or with no actor from the CLI), list, disable,
 * reset a password. Every change is audited.
 */
export function createUserService(deps: ConsoleDeps) {
  const users = createUserRepository(deps.db);
  const audit = createAuditRepository(deps.db);
  const actorOf = (actor: ConsoleUser | null) => (actor ? { id: actor.id, username: actor.username } : null);

  async function target(actor: ConsoleUser, username: string) {
    const row = await users.findByUsername(normalizeUsername(username));
    if (!row) throw new ConsoleError('user_not_found');
    assertCanManageUser(actor, row);
    return row;
  }

  return {
    /** Creates a user; `actor` null is the command line (`bluezone admin user add`), allowed anything. */
    async create(actor: ConsoleUser | null, input: NewUserInput): Promise<ConsoleUserView> {
      if (actor) assertRole(actor, ADMIN_ROLES);
      const valid = validateNewUser({
        ...input,
        province: input.province ?? (actor?.role === 'province' ? actor.province : null),
      });
      if (actor) assertCanManageUser(actor, valid);
      const now = deps.clock.now();
      const row = await users.insert({
        username: valid.username,
        passwordHash: await hashPassword(valid.password),
        role: valid.role,
        province: valid.province,
        createdAt: now,
      });
      if (!row) throw new ConsoleError('username_taken');
      await audit.record(
        {
          actor: actorOf(actor),
          action: 'user_created',
          target: row.username,
          province: row.province,
          details: { role: row.role, ...(actor ? {} : { via: 'cli' }) },
        },
        now,
      );
      return userView(row, now);
    },

    /** National: every user; provincial officer: the case workers and analysts of their province. */
    async list(actor: ConsoleUser): Promise<ConsoleUserView[]> {
      const now = deps.clock.now();
      if (actor.role === 'national') return (await users.list()).map((r) => userView(r, now));
      assertCanManageUser(actor, { role: 'caseworker', province: actor.province });
      const rows = await users.list({ province: actor.province ?? '', roles: PROVINCE_MANAGED_ROLES });
      return rows.map((r) => userView(r, now));
    },

    async disable(actor: ConsoleUser, username: string): Promise<ConsoleUserView> {
      const row = await target(actor, username);
      if (row.id === actor.id)
        throw new ConsoleError('forbidden_role', 'You cannot disable your own account.');
      const now = deps.clock.now();
      const updated = await users.update(row.id, { disabled: true });
      await users.deleteSessions(row.id);
      await audit.record(
        { actor: actorOf(actor), action: 'user_disabled', target: row.username, province: row.province },
        now,
      );
      return userView(updated ?? row, now);
    },

    /** Sets a new password, ends the user's sessions, lifts a lock; `resetTotp` removes their TOTP. */
    async resetPassword(
      actor: ConsoleUser,
      username: string,
      password: string,
      resetTotp = false,
    ): Promise<ConsoleUserView> {
      const row = await target(actor, username);
      checkPasswordPolicy(password);
      const now = deps.clock.now();
      const updated = await users.update(row.id, {
        passwordHash: await hashPassword(password),
        failedAttempts: 0,
        lockedUntil: null,
        ...(resetTotp ? { totpSecretEncrypted: null, totpConfirmedAt: null, totpLastStep: null } : {}),
      });
      await users.deleteSessions(row.id);
      await audit.record(
        {
          actor: actorOf(actor),
          action: 'user_password_reset',
          target: row.username,
          province: row.province,
          details: { totpReset: resetTotp },
        },
        now,
      );
      return userView(updated ?? row, now);
    },
  };
}

export type UserService = ReturnType<typeof createUserService>;
