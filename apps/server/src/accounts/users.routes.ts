import {
  CreateUserRequestSchema,
  ResetPasswordRequestSchema,
  UserListSchema,
  UsernameParamsSchema,
  UserViewSchema,
} from '@bluezone/api';
import type { BluezoneServer } from '../http/server.types.js';
import type { ConsoleDeps } from './console.types.js';
import { consoleUserOf, type RequireConsoleUser } from './console-auth.js';
import { CONSOLE_ERROR_RESPONSES, consoleErrorList } from './console-errors.js';
import { ADMIN_ROLES } from './roles.js';
import { createUserService } from './user.service.js';

const tags = ['console: users'];
const BODY = ['unparsable_request', 'invalid_request', 'body_too_large', 'unsupported_media_type'];
const WRITE = [...BODY, 'not_signed_in', 'csrf_token_invalid', 'forbidden_role', 'forbidden_area'];
const SCOPE =
  'National administrators manage every user; provincial officers the case workers and analysts of their province.';

/** Users and roles: `/console/api/users`. */
export function registerUserRoutes(
  app: BluezoneServer,
  deps: ConsoleDeps,
  requireConsoleUser: RequireConsoleUser,
): void {
  const users = createUserService(deps);
  const admins = requireConsoleUser(ADMIN_ROLES);

  app.get(
    '/console/api/users',
    {
      preHandler: admins,
      schema: {
        tags,
        summary: 'The users the signed-in administrator manages',
        description: `${SCOPE} ${consoleErrorList(['not_signed_in', 'forbidden_role'])}`,
        response: { 200: UserListSchema, ...CONSOLE_ERROR_RESPONSES },
      },
    },
    async (request) => ({ users: await users.list(consoleUserOf(request)) }),
  );

  app.post(
    '/console/api/users',
    {
      preHandler: admins,
      schema: {
        tags,
        summary: 'Create a user',
        description: `${SCOPE} A provincial officer's new users get their province. Passwords: at least 10 characters. ${consoleErrorList([...WRITE, 'invalid_username', 'invalid_role', 'unknown_province', 'invalid_province', 'password_too_short', 'username_taken'])}`,
        body: CreateUserRequestSchema,
        response: { 200: UserViewSchema, ...CONSOLE_ERROR_RESPONSES },
      },
    },
    async (request) => users.create(consoleUserOf(request), request.body),
  );

  app.post(
    '/console/api/users/:username/disable',
    {
      preHandler: admins,
      schema: {
        tags,
        summary: 'Disable a user: their sessions end, they can no longer sign in',
        description: consoleErrorList([...WRITE, 'user_not_found']),
        params: UsernameParamsSchema,
        response: { 200: UserViewSchema, ...CONSOLE_ERROR_RESPONSES },
      },
    },
    async (request) => users.disable(consoleUserOf(request), request.params.username),
  );

  app.post(
    '/console/api/users/:username/password',
    {
      preHandler: admins,
      schema: {
        tags,
        summary: "Reset a user's password (and optionally their TOTP); their sessions end, a lock lifts",
        description: consoleErrorList([...WRITE, 'user_not_found', 'password_too_short']),
        params: UsernameParamsSchema,
        body: ResetPasswordRequestSchema,
        response: { 200: UserViewSchema, ...CONSOLE_ERROR_RESPONSES },
      },
    },
    async (request) =>
      users.resetPassword(
        consoleUserOf(request),
        request.params.username,
        request.body.password,
        request.body.resetTotp ?? false,
      ),
  );
}
