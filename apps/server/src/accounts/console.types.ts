import type { BluezoneServer } from '../http/server.types.js';
import type { ServerDeps } from '../server-env/server-deps.js';
import type { RequireConsoleUser } from './console-auth.js';

/** What the console's services need: the verification deps (codes are issued through them) and options. */
export interface ConsoleDeps extends ServerDeps {
  /**
   * Whether a text is a province code the console accepts. Default: `isVietnamProvinceCode` (the ISO
   * 3166-2 pattern); pass the administrative-units list's check to accept exactly its provinces.
   */
  readonly isProvinceCode?: (code: string) => boolean;
}

/** A console route module (adoption, campaigns…): registered by the app in the console's scope. */
export type ConsoleRouteModule = (
  scope: BluezoneServer,
  requireConsoleUser: RequireConsoleUser,
) => void | Promise<void>;
