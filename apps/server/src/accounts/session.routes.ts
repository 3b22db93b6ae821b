import {
  LoginRequestSchema,
  SessionResponseSchema,
  SignedOutSchema,
  TotpConfirmRequestSchema,
  TotpConfirmResponseSchema,
  TotpEnrolResponseSchema,
} from '@bluezone/api';
import type { BluezoneServer } from '../http/server.types.js';
import type { ConsoleDeps } from './console.types.js';
import type { RequireConsoleUser } from './console-auth.js';
import { consoleSessionOf, consoleUserOf } from './console-auth.js';
import { CONSOLE_ERROR_RESPONSES, consoleErrorList } from './console-errors.js';
import type { SessionService } from './session.service.js';
import { clearedSessionCookie, sessionCookie } from './session-cookie.js';
import { createTotpService } from './totp.service.js';

const tags = ['console: session'];
const BODY = ['unparsable_request', 'invalid_request', 'body_too_large', 'unsupported_media_type'];
const SIGNED_IN = ['not_signed_in', 'csrf_token_invalid'];

/** Sign-in, who-am-I, sign-out and TOTP enrolment under `/console/api/session`. */
export function registerSessionRoutes(
  app: BluezoneServer,
  deps: ConsoleDeps,
  sessions: SessionService,
  requireConsoleUser: RequireConsoleUser,
): void {
  const totp = createTotpService(deps);

  app.post(
    '/console/api/session',
    {
      schema: {
        tags,
        summary: 'Sign in: sets the HttpOnly `bz_session` cookie and answers the CSRF token',
        description: `5 failed attempts lock the account for 15 minutes (\`lockedUntil\`, \`Retry-After\`); unknown usernames answer exactly like wrong passwords. Before any password is hashed, sign-ins are limited per client address and per username (\`BLUEZONE_SIGNIN_*\`; 429 with \`Retry-After\`). ${consoleErrorList([...BODY, 'login_failed', 'account_locked', 'totp_required', 'totp_invalid', 'rate_limited'])}`,
        body: LoginRequestSchema,
        response: { 200: SessionResponseSchema, ...CONSOLE_ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      const signedIn = await sessions.signIn(request.body, request.ip);
      void reply.header('set-cookie', sessionCookie(signedIn.sessionId, deps.config));
      const { username, role, province } = signedIn.user;
      return {
        user: { username, role, province },
        csrfToken: signedIn.csrfToken,
        totpEnabled: signedIn.totpEnabled,
      };
    },
  );

  app.get(
    '/console/api/session',
    {
      preHandler: requireConsoleUser(),
      schema: {
        tags,
        summary: 'The signed-in user and the CSRF token of the session',
        description: consoleErrorList(['not_signed_in']),
        response: { 200: SessionResponseSchema, ...CONSOLE_ERROR_RESPONSES },
      },
    },
    async (request) => {
      const session = consoleSessionOf(request);
      const { username, role, province } = session.user;
      return {
        user: { username, role, province },
        csrfToken: session.csrfToken,
        totpEnabled: session.totpEnabled,
      };
    },
  );

  app.delete(
    '/console/api/session',
    {
      preHandler: requireConsoleUser(),
      schema: {
        tags,
        summary: 'Sign out: ends the session and clears the cookie',
        description: consoleErrorList(SIGNED_IN),
        response: { 200: SignedOutSchema, ...CONSOLE_ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      const session = consoleSessionOf(request);
      await sessions.signOut(session.user, session.sessionId);
      void reply.header('set-cookie', clearedSessionCookie(deps.config));
      return { signedOut: true };
    },
  );

  app.post(
    '/console/api/session/totp',
    {
      preHandler: requireConsoleUser(),
      schema: {
        tags,
        summary: 'Start TOTP enrolment: a new secret for an authenticator app',
        description: `Confirm it with \`POST /console/api/session/totp/confirm\`; until then sign-in does not ask for a code. ${consoleErrorList([...SIGNED_IN, 'totp_already_enabled'])}`,
        response: { 200: TotpEnrolResponseSchema, ...CONSOLE_ERROR_RESPONSES },
      },
    },
    async (request) => totp.enrol(consoleUserOf(request)),
  );

  app.post(
    '/console/api/session/totp/confirm',
    {
      preHandler: requireConsoleUser(),
      schema: {
        tags,
        summary: 'Turn TOTP on with a code from the enrolled secret',
        description: consoleErrorList([
          ...BODY,
          ...SIGNED_IN,
          'totp_not_enrolled',
          'totp_invalid',
          'totp_already_enabled',
        ]),
        body: TotpConfirmRequestSchema,
        response: { 200: TotpConfirmResponseSchema, ...CONSOLE_ERROR_RESPONSES },
      },
    },
    async (request) => totp.confirm(consoleUserOf(request), request.body.code),
  );
}
