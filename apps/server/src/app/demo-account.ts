import { randomBytes } from 'node:crypto';
import { createUserRepository } from '../accounts/user.repository.js';
import { createUserService } from '../accounts/user.service.js';
import type { ConsoleUserView } from '../accounts/users.js';
import type { ConsoleRole } from '../database/accounts.schema.js';
import type { Core } from './open-core.js';

export interface NewConsoleAccount {
  username: string;
  password: string;
  role: ConsoleRole | string;
  province?: string | null | undefined;
}

/**
 * Creates a console account with no signed-in actor (the command line: `bluezone admin user add`).
 * Refuses bad input with a `ConsoleError` (`invalid_username`, `password_too_short`, `invalid_role`,
 * `unknown_province`, `invalid_province`, `username_taken`); audited as created `via: cli`.
 */
export function createConsoleAccount(core: Core, account: NewConsoleAccount): Promise<ConsoleUserView> {
  return createUserService(core).create(null, account);
}

export const DEMO_USERNAME = 'demo';

/**
 * The demo national administrator `npm start` prints: created with a fresh random password when the
 * database has no `demo` user; otherwise `created: false` and no password (it is stored hashed).
 */
export async function ensureDemoAccount(
  core: Core,
): Promise<{ username: string; password?: string; role: 'national'; created: boolean }> {
  const users = createUserRepository(core.db);
  if (await users.findByUsername(DEMO_USERNAME))
    return { username: DEMO_USERNAME, role: 'national', created: false };
  const password = randomBytes(12).toString('base64url');
  await createConsoleAccount(core, { username: DEMO_USERNAME, password, role: 'national' });
  return { username: DEMO_USERNAME, password, role: 'national', created: true };
}
