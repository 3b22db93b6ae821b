import { requireProvince } from '../areas/area-codes.js';
import { CONSOLE_ROLES, type ConsoleRole } from '../database/accounts.schema.js';
import { ConsoleError } from './console-errors.js';
import { checkPasswordPolicy } from './password.js';
import type { ConsoleUserRow } from './user.repository.js';

export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{2,63}$/;

/** What the console answers about a user: never the password hash or the TOTP secret. */
export interface ConsoleUserView {
  username: string;
  role: ConsoleRole;
  province: string | null;
  disabled: boolean;
  totpEnabled: boolean;
  lockedUntil: string | null;
  createdAt: string;
}

export function userView(row: ConsoleUserRow, now: Date): ConsoleUserView {
  return {
    username: row.username,
    role: row.role,
    province: row.province,
    disabled: row.disabled,
    totpEnabled: row.totpConfirmedAt !== null,
    lockedUntil: row.lockedUntil && row.lockedUntil > now ? row.lockedUntil.toISOString() : null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Usernames compare case-insensitively: stored lowercased and trimmed. */
export const normalizeUsername = (username: string) => username.trim().toLowerCase();

export interface NewUserInput {
  username: string;
  password: string;
  role: string;
  province?: string | null | undefined;
}

export interface ValidUser {
  username: string;
  password: string;
  role: ConsoleRole;
  province: string | null;
}

/**
 * Checks a new user: username, password policy, a known role, and a province that fits the role (a
 * provincial officer needs one, a national administrator has none; others may have one).
 */
export function validateNewUser(input: NewUserInput): ValidUser {
  const username = normalizeUsername(input.username);
  if (!USERNAME_PATTERN.test(username)) throw new ConsoleError('invalid_username');
  checkPasswordPolicy(input.password);
  if (!(CONSOLE_ROLES as readonly string[]).includes(input.role)) throw new ConsoleError('invalid_role');
  const role = input.role as ConsoleRole;
  const province = input.province?.trim() ? input.province.trim().toUpperCase() : null;
  if (province !== null) requireProvince(province);
  if (role === 'province' && province === null)
    throw new ConsoleError('invalid_province', 'A provincial officer needs a province.');
  if (role === 'national' && province !== null)
    throw new ConsoleError('invalid_province', 'A national administrator has no province.');
  return { username, password: input.password, role, province };
}
