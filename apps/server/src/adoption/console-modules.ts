import type { ConsoleRouteModule } from '../accounts/console.routes.js';
import { linkRoutes } from '../campaigns/links.routes.js';
import { organisationRoutes } from '../campaigns/organisations.routes.js';
import { posterRoutes } from '../campaigns/posters.routes.js';
import { targetRoutes } from '../campaigns/targets.routes.js';
import { statisticsRoutes } from '../statistics/statistics.routes.js';
import type { VerificationDeps } from '../verification/verification.types.js';
import { adoptionConsoleRoutes } from './adoption-console.routes.js';
import { adoptionImportRoutes } from './adoption-import.routes.js';

/**
 * The console route modules of adoption, campaigns and statistics (docs/api.md "Adoption, campaigns,
 * statistics"), registered in the console's scope by build-server.
 */
export function adoptionConsoleModules(deps: VerificationDeps): ConsoleRouteModule[] {
  return [
    adoptionConsoleRoutes(deps),
    adoptionImportRoutes(deps),
    targetRoutes(deps),
    organisationRoutes(deps),
    linkRoutes(deps),
    posterRoutes(deps),
    statisticsRoutes(deps),
  ];
}
