import { createHash, randomBytes } from 'node:crypto';
import { createAuditRepository } from '../audit/audit.repository.js';
import type { ConsoleDeps } from './console.types.js';
import { ConsoleError } from './console-errors.js';
import { createUnknownUserThrottle } from './login-throttle.js';
import { hashPassword, needsRehash, verifyAgainstDummy, verifyPassword } from './password.js';
import type { ConsoleUser } from './roles.js';
import { createSessionRepository } from './session.repository.js';
import { matchTotp } from './totp.js';
import { decryptTotpSecret } from './totp.service.js';
import { type ConsoleUserRow, createUserRepository } from './user.repository.js';
import { normalizeUsername, USERNAME_PATTERN } from './users.js';

/** Failed sign-ins (wrong password or TOTP code) that lock an account, and for how long. */
export const MAX_FAILED_LOGINS = 5;
export const LOCK_DURATION_MS = 15 * 60_000;

export const sha256 = (text: string) => new Uint8Array(createHash('sha256').update(text).digest());

export interface Credentials {
  username: string;
  password: string;
  totp?: string | undefined;
}

export interface SignedIn {
  user: ConsoleUser;
  /** The cookie value: 32 random bytes; only its SHA-256 is stored. */
  sessionId: string;
  csrfToken: string;
  totpEnabled: boolean;
}

export const consoleUser = (row: ConsoleUserRow): ConsoleUser => ({
  id: row.id,
  username: row.username,
  role: row.role,
  province: row.province,
});

/** Sign-in with lockout and TOTP, sessions with idle and absolute expiry, sign-out. */
export function createSessionService(deps: ConsoleDeps) {
  const users = createUserRepository(deps.db);
  const sessions = createSessionRepository(deps.db);
  const audit = createAuditRepository(deps.db);
  const unknown = createUnknownUserThrottle(MAX_FAILED_LOGINS, LOCK_DURATION_MS);
  const { config } = deps;
  // The CSRF token is derived from the session id, so it can be answered again without being stored.
  const csrfTokenOf = (sessionId: string) =>
    Buffer.from(deps.keys.tokenHmac(`console-csrf ${sessionId}`)).toString('base64url');

  const locked = (until: Date, now: Date) =>
    new ConsoleError(
      'account_locked',
      `Too many failed sign-ins: this account is locked until ${until.toISOString()}.`,
      { until, retryAfterSeconds: Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000)) },
    );

  /** A failure on an account: counted, audited; the failure that locks it answers `account_locked`. */
  async function fail(row: ConsoleUserRow, now: Date, reason: string, code: 'login_failed' | 'totp_invalid') {
    const updated = await users.recordFailure(
      row.id,
      MAX_FAILED_LOGINS,
      new Date(now.getTime() + LOCK_DURATION_MS),
    );
    const actor = { id: row.id, username: row.username };
    await audit.record({ actor, action: 'login_failed', province: row.province, details: { reason } }, now);
    if (updated?.lockedUntil && updated.lockedUntil > now) {
      await audit.record({ actor, action: 'account_locked', province: row.province }, now);
      return locked(updated.lockedUntil, now);
    }
    return new ConsoleError(code);
  }

  /** Unknown or disabled: the same answers and about the same time as a wrong password. */
  async function failUnknown(name: string, password: string, now: Date, row?: ConsoleUserRow) {
    await verifyAgainstDummy(password);
    const already = unknown.lockedUntil(name, now);
    if (already) return locked(already, now);
    const actor = row ? { id: row.id, username: row.username } : null;
    const reason = row ? 'disabled' : 'unknown_user';
    await audit.record(
      { actor, action: 'login_failed', province: row?.province ?? null, details: { reason } },
      now,
    );
    const lockedNow = unknown.fail(name, now);
    return lockedNow ? locked(lockedNow, now) : new ConsoleError('login_failed');
  }

  async function signIn(credentials: Credentials): Promise<SignedIn> {
    const now = deps.clock.now();
    const name = normalizeUsername(credentials.username).slice(0, 80);
    const row = USERNAME_PATTERN.test(name) ? await users.findByUsername(name) : undefined;
    if (!row || row.disabled) throw await failUnknown(name, credentials.password, now, row);
    if (row.lockedUntil && row.lockedUntil > now) {
      await verifyAgainstDummy(credentials.password);
      throw locked(row.lockedUntil, now);
    }
    if (!(await verifyPassword(credentials.password, row.passwordHash)))
      throw await fail(row, now, 'password', 'login_failed');
    let step: number | undefined;
    if (row.totpConfirmedAt && row.totpSecretEncrypted) {
      if (!credentials.totp) throw new ConsoleError('totp_required');
      const secret = decryptTotpSecret(deps, row);
      step = matchTotp(secret, credentials.totp.trim(), now, row.totpLastStep);
      if (step === undefined) throw await fail(row, now, 'totp', 'totp_invalid');
    }
    await users.recordSuccess(row.id, step);
    if (needsRehash(row.passwordHash))
      await users.update(row.id, { passwordHash: await hashPassword(credentials.password) });
    // Sessions past their expiry are deleted here: the console has few users, so this stays cheap.
    await sessions.deleteExpired(now, new Date(now.getTime() - config.consoleIdleTimeout));
    const sessionId = randomBytes(32).toString('base64url');
    const csrfToken = csrfTokenOf(sessionId);
    await sessions.insert({
      idHash: sha256(sessionId),
      userId: row.id,
      createdAt: now,
      expiresAt: new Date(now.getTime() + config.consoleSessionLifetime),
      lastSeenAt: now,
      csrfTokenHash: sha256(csrfToken),
    });
    await audit.record(
      { actor: { id: row.id, username: row.username }, action: 'login', province: row.province },
      now,
    );
    return { user: consoleUser(row), sessionId, csrfToken, totpEnabled: step !== undefined };
  }

  return {
    signIn,

    /** The session's user and its CSRF token hash, if the session is live; marks it seen now. */
    async authenticate(sessionId: string) {
      const now = deps.clock.now();
      const found = await sessions.touch(
        sha256(sessionId),
        now,
        new Date(now.getTime() - config.consoleIdleTimeout),
      );
      if (!found) return undefined;
      return {
        user: consoleUser(found.user),
        csrfTokenHash: found.session.csrfTokenHash,
        csrfToken: csrfTokenOf(sessionId),
        totpEnabled: found.user.totpConfirmedAt !== null,
      };
    },

    async signOut(user: ConsoleUser, sessionId: string): Promise<void> {
      await sessions.delete(sha256(sessionId));
      await audit.record(
        { actor: { id: user.id, username: user.username }, action: 'logout', province: user.province },
        deps.clock.now(),
      );
    },
  };
}

export type SessionService = ReturnType<typeof createSessionService>;
