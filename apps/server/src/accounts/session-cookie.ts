import type { FastifyRequest } from 'fastify';
import type { Config } from '../config/config.types.js';

export const SESSION_COOKIE = 'bz_session';
export const CSRF_HEADER = 'x-csrf-token';
/** A session id: 32 random bytes in base64url. */
const SESSION_ID = /^[A-Za-z0-9_-]{43}$/;

/** The session id the request's `bz_session` cookie carries, if it has a well-formed one. */
export function readSessionCookie(request: FastifyRequest): string | undefined {
  const header = request.headers.cookie;
  if (typeof header !== 'string' || header.length > 8192) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== SESSION_COOKIE) continue;
    const value = part.slice(eq + 1).trim();
    if (SESSION_ID.test(value)) return value;
  }
  return undefined;
}

/** `Set-Cookie` for a session: HttpOnly, SameSite=Strict, Path=/, Secure with BLUEZONE_SECURE_COOKIES. */
export function sessionCookie(sessionId: string, config: Config): string {
  const maxAge = Math.floor(config.consoleSessionLifetime / 1000);
  return [
    `${SESSION_COOKIE}=${sessionId}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Strict',
    `Max-Age=${maxAge}`,
    ...(config.secureCookies ? ['Secure'] : []),
  ].join('; ');
}

/** `Set-Cookie` that removes the session cookie (sign-out, dead session). */
export function clearedSessionCookie(config: Config): string {
  return [
    `${SESSION_COOKIE}=`,
    'Path=/',
    'HttpOnly',
    'SameSite=Strict',
    'Max-Age=0',
    ...(config.secureCookies ? ['Secure'] : []),
  ].join('; ');
}
