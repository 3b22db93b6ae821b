import type { ConsoleRole } from '../database/accounts.schema.js';
import { ConsoleError } from './console-errors.js';

/** A signed-in console user, as routes see it. */
export interface ConsoleUser {
  readonly id: string;
  readonly username: string;
  readonly role: ConsoleRole;
  /** ISO 3166-2 code; null: not tied to one province (national, or a national case worker / analyst). */
  readonly province: string | null;
}

/** Roles that may change anything: every role but the analyst. */
export const WRITER_ROLES: readonly ConsoleRole[] = ['national', 'province', 'caseworker'];
/** Roles that issue and expire codes. */
export const CODE_ROLES: readonly ConsoleRole[] = ['national', 'province', 'caseworker'];
/** Roles that manage users and read the audit log. */
export const ADMIN_ROLES: readonly ConsoleRole[] = ['national', 'province'];
/** Roles a provincial officer may give to the users of their province. */
export const PROVINCE_MANAGED_ROLES: readonly ConsoleRole[] = ['caseworker', 'analyst'];

/** Refuses (403 `forbidden_role`) a user whose role is not in `roles`. */
export function assertRole(user: ConsoleUser, roles: readonly ConsoleRole[]): void {
  if (!roles.includes(user.role)) throw new ConsoleError('forbidden_role');
}

/**
 * Refuses (403 `forbidden_area`) a user tied to one province acting on another province, or on data
 * of no province (`null`: national). Users of no province act everywhere.
 */
export function assertProvinceAccess(user: ConsoleUser, province: string | null | undefined): void {
  if (user.province === null) return;
  if (province !== user.province)
    throw new ConsoleError(
      'forbidden_area',
      `Your account covers ${user.province} only${province ? `, not ${province}` : ''}.`,
    );
}

/** The province a user's reads are limited to; undefined: every province. */
export const provinceScope = (user: ConsoleUser): string | undefined => user.province ?? undefined;

/**
 * Whether `actor` may create or change a user with this role and province: a national administrator
 * any user; a provincial officer case workers and analysts of their own province; nobody else.
 */
export function assertCanManageUser(
  actor: ConsoleUser,
  target: { role: ConsoleRole; province: string | null },
): void {
  if (actor.role === 'national') return;
  if (actor.role !== 'province') throw new ConsoleError('forbidden_role');
  if (!PROVINCE_MANAGED_ROLES.includes(target.role))
    throw new ConsoleError('forbidden_role', 'A provincial officer manages case workers and analysts only.');
  assertProvinceAccess(actor, target.province);
}
