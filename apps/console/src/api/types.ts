import type { ConsoleRole } from '@bluezone/api';

// Who may do what in this console (docs/console.md, "Roles"). The answers' types come from the
// schemas in @bluezone/api (`Static<>` of the schemas the server validates and documents with).

export type Role = ConsoleRole;

/** Roles that issue and expire codes. */
export const CODE_ROLES: readonly Role[] = ['national', 'province', 'caseworker'];
/** Roles that manage users and read the audit log. */
export const ADMIN_ROLES: readonly Role[] = ['national', 'province'];
/** Roles that change anything (all but the analyst). */
export const WRITER_ROLES: readonly Role[] = ['national', 'province', 'caseworker'];

/** Roles that read and handle declarations (personal data): not the analyst. */
export const DECLARATION_ROLES: readonly Role[] = ['national', 'province', 'caseworker'];
