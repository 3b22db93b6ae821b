// The console's accounts, roles and sessions, for other console route modules and the CLI.

export { type AuditAction, type AuditEntry, recordAudit } from '../audit/audit.repository.js';
export type { ConsoleDeps, ConsoleRouteModule } from './console.types.js';
export {
  type ConsoleSession,
  consoleSessionOf,
  consoleUserOf,
  createConsoleAuth,
  type RequireConsoleUser,
} from './console-auth.js';
export {
  CONSOLE_ERROR_RESPONSES,
  ConsoleError,
  type ConsoleErrorCode,
  ConsoleErrorSchema,
  consoleErrorList,
} from './console-errors.js';
export {
  ADMIN_ROLES,
  assertCanManageUser,
  assertProvinceAccess,
  assertRole,
  CODE_ROLES,
  type ConsoleUser,
  provinceScope,
  WRITER_ROLES,
} from './roles.js';
export type { ConsoleUserView } from './users.js';
