import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ConsoleRole } from '../database/accounts.schema.js';
import type { ConsoleDeps } from './console.types.js';
import { ConsoleError } from './console-errors.js';
import { assertRole, type ConsoleUser } from './roles.js';
import { createSessionService, type SessionService } from './session.service.js';
import { CSRF_HEADER, readSessionCookie } from './session-cookie.js';

/** The signed-in session of a request, once `requireConsoleUser` admitted it. */
export interface ConsoleSession {
  readonly user: ConsoleUser;
  readonly sessionId: string;
  readonly csrfToken: string;
  readonly totpEnabled: boolean;
}

const signedIn = new WeakMap<FastifyRequest, ConsoleSession>();
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function csrfMatches(header: unknown, expectedHash: Uint8Array): boolean {
  if (typeof header !== 'string' || header.length === 0 || header.length > 128) return false;
  const hash = createHash('sha256').update(header).digest();
  return hash.length === expectedHash.length && timingSafeEqual(hash, expectedHash);
}

/** The console user of a request admitted by `requireConsoleUser` (else 401 `not_signed_in`). */
export function consoleUserOf(request: FastifyRequest): ConsoleUser {
  return consoleSessionOf(request).user;
}

export function consoleSessionOf(request: FastifyRequest): ConsoleSession {
  const session = signedIn.get(request);
  if (!session) throw new ConsoleError('not_signed_in');
  return session;
}

export type RequireConsoleUser = (
  roles?: readonly ConsoleRole[],
) => (request: FastifyRequest, reply: FastifyReply) => Promise<void>;

/**
 * The console's authentication for any console route module: `requireConsoleUser(roles?)` is a
 * preHandler that admits a request with a live `bz_session` cookie (401 `not_signed_in`), on a
 * state-changing method only with the session's `X-CSRF-Token` (403 `csrf_token_invalid`), and only
 * for `roles` when given (403 `forbidden_role`). The route then reads the user with `consoleUserOf`.
 */
export function createConsoleAuth(
  deps: ConsoleDeps,
  sessions: SessionService = createSessionService(deps),
): { requireConsoleUser: RequireConsoleUser; sessions: SessionService } {
  const requireConsoleUser: RequireConsoleUser = (roles) => async (request) => {
    const sessionId = readSessionCookie(request);
    const found = sessionId ? await sessions.authenticate(sessionId) : undefined;
    if (!sessionId || !found) throw new ConsoleError('not_signed_in');
    if (!SAFE_METHODS.has(request.method) && !csrfMatches(request.headers[CSRF_HEADER], found.csrfTokenHash))
      throw new ConsoleError('csrf_token_invalid');
    if (roles) assertRole(found.user, roles);
    signedIn.set(request, {
      user: found.user,
      sessionId,
      csrfToken: found.csrfToken,
      totpEnabled: found.totpEnabled,
    });
  };
  return { requireConsoleUser, sessions };
}
