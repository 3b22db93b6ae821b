import type { BluezoneServer } from '../http/server.types.js';
import type { ServerDeps } from '../server-env/server-deps.js';
import type { RequireConsoleUser } from './console-auth.js';

/**
 * What the console's services need: the verification deps (codes are issued through them). Province
 * codes are checked against the configured area set (`areas/area-codes.ts`), never a pattern.
 */
export type ConsoleDeps = ServerDeps;

/** A console route module (adoption, campaigns…): registered by the app in the console's scope. */
export type ConsoleRouteModule = (
  scope: BluezoneServer,
  requireConsoleUser: RequireConsoleUser,
) => void | Promise<void>;
