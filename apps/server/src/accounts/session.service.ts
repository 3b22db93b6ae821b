import { createHash, randomBytes } from 'node:crypto';
import { createAuditRepository } from '../audit/audit.repository.js';
import type { ConsoleDeps } from './console.types.js';
import { ConsoleError } from './console-errors.js';
import { createUnknownUserThrottle } from './login-throttle.js';
import { hashPassword, needsRehash, verifyAgainstDummy, verifyPassword } from './password.js';
import type { ConsoleUser } from './roles.js';
import { createSessionRepository } from './session.repository.js';
import { createSignInLimits } from './sign-in-limits.js';
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
  const limits = createSignInLimits(deps);
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

  const isLocked = (row: ConsoleUserRow, now: Date) => row.lockedUntil !== null && row.lockedUntil > now;

  /** A taken attempt failed: audited; the failure that locks the account answers `account_locked`. */
  async function fail(row: ConsoleUserRow, now: Date, reason: string, code: 'login_failed' | 'totp_invalid') {
    const lockUntil = new Date(now.getTime() + LOCK_DURATION_MS);
    const updated = await users.recordFailure(row.id, MAX_FAILED_LOGINS, now, lockUntil);
    const actor = { id: row.id, username: row.username };
    await audit.record({ actor, action: 'login_failed', province: row.province, details: { reason } }, now);
    if (updated && isLocked(updated, now) && updated.lockedUntil) {
      if (updated.lockedUntil.getTime() === lockUntil.getTime())
        await audit.record({ actor, action: 'account_locked', province: row.province }, now);
      return locked(updated.lockedUntil, now);
    }
    return new ConsoleError(code);
  }

  /** Unknown or disabled: the same answers, and the same hashing or none, as a real account. */
  async function failUnknown(name: string, password: string, now: Date, row?: ConsoleUserRow) {
    const refused = unknown.take(name, now);
    if (refused) return locked(refused, now);
    await limits.hashing(() => verifyAgainstDummy(password));
    const actor = row ? { id: row.id, username: row.username } : null;
    const reason = row ? 'disabled' : 'unknown_user';
    await audit.record(
      { actor, action: 'login_failed', province: row?.province ?? null, details: { reason } },
      now,
    );
    const lockedNow = unknown.fail(name, now);
    return lockedNow ? locked(lockedNow, now) : new ConsoleError('login_failed');
  }

  /**
   * Signs in. The attempt is taken (counted in the database, or in memory for unknown names) before
   * anything is hashed, so a parallel burst checks at most `MAX_FAILED_LOGINS` passwords and a lock,
   * once in force, is never cleared by a success. `client` is the client address as the server
   * derives it (rate limits per address and per account, before any hashing).
   */
  function signIn(credentials: Credentials, client = 'unknown'): Promise<SignedIn> {
    const name = normalizeUsername(credentials.username).slice(0, 80);
    return limits.guard(client, name, () => signInAdmitted(credentials, name));
  }

  async function signInAdmitted(credentials: Credentials, name: string): Promise<SignedIn> {
    const now = deps.clock.now();
    const lockUntil = new Date(now.getTime() + LOCK_DURATION_MS);
    const row = USERNAME_PATTERN.test(name)
      ? await users.takeAttempt(name, MAX_FAILED_LOGINS, now, lockUntil)
      : undefined;
    if (!row || row.disabled) throw await failUnknown(name, credentials.password, now, row);
    if (isLocked(row, now) && row.lockedUntil) {
      if (row.failedAttempts === 0 && row.lockedUntil.getTime() === lockUntil.getTime())
        await audit.record(
          { actor: { id: row.id, username: row.username }, action: 'account_locked', province: row.province },
          now,
        );
      throw locked(row.lockedUntil, now);
    }
    if (!(await limits.hashing(() => verifyPassword(credentials.password, row.passwordHash))))
      throw await fail(row, now, 'password', 'login_failed');
    let step: number | undefined;
    if (row.totpConfirmedAt && row.totpSecretEncrypted) {
      if (!credentials.totp) {
        // The password was right: this attempt is not a failure.
        await users.releaseAttempt(row.id);
        throw new ConsoleError('totp_required');
      }
      const secret = decryptTotpSecret(deps, row);
      step = matchTotp(secret, credentials.totp.trim(), now, row.totpLastStep);
      if (step === undefined) throw await fail(row, now, 'totp', 'totp_invalid');
    }
    if (!(await users.recordSuccess(row.id, now, step))) {
      // A lock came into force while the password was checked, or the code's step was used meanwhile.
      const current = await users.findById(row.id);
      if (current && isLocked(current, now) && current.lockedUntil) throw locked(current.lockedUntil, now);
      throw await fail(row, now, 'totp_replayed', 'totp_invalid');
    }
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
