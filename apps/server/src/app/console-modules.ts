import type { ConsoleRouteModule } from '../accounts/console.types.js';
import { adoptionConsoleRoutes } from '../adoption/adoption-console.routes.js';
import { adoptionImportRoutes } from '../adoption/adoption-import.routes.js';
import { campaignSources } from '../campaigns/campaign-lookups.js';
import { linkRoutes } from '../campaigns/links.routes.js';
import { organisationRoutes } from '../campaigns/organisations.routes.js';
import { posterRoutes } from '../campaigns/posters.routes.js';
import { targetRoutes } from '../campaigns/targets.routes.js';
import { planningConsoleRoutes } from '../planning/planning.routes.js';
import type { ServerDeps } from '../server-env/server-deps.js';
import type { DownloadCounter } from '../statistics/download-counter.js';
import { statisticsRoutes } from '../statistics/statistics.routes.js';

/**
 * The console route modules of adoption, campaigns and statistics (docs/api.md "Adoption, campaigns,
 * statistics"), registered in the console's scope by build-server.
 */
export function adoptionConsoleModules(deps: ServerDeps, downloads: DownloadCounter): ConsoleRouteModule[] {
  return [
    adoptionConsoleRoutes(deps, campaignSources(deps.db)),
    adoptionImportRoutes(deps),
    targetRoutes(deps),
    organisationRoutes(deps),
    linkRoutes(deps),
    posterRoutes(deps),
    statisticsRoutes(deps, downloads),
    planningConsoleRoutes(deps),
  ];
}
