import type { ConsoleRouteModule } from '../accounts/console.types.js';
import type { BluezoneServer } from '../http/server.types.js';
import type { ServerDeps } from '../server-env/server-deps.js';
import { registerTraceWarningDistributionRoutes } from './trace-warning-distribution.routes.js';
import { registerTraceWarningUploadRoutes } from './trace-warning-upload.routes.js';
import { venuePosterRoutes } from './venue-posters.routes.js';
import { venueWarningRoutes } from './venue-warnings.routes.js';
import { venueRoutes } from './venues.routes.js';

// Venue check-in on the server (docs/checkin.md): the console's venues, posters and venue warnings,
// the phones' check-in upload and the trace warning packages they download.

/** The console's venue routes, registered in the console's scope by build-server. */
export const venueConsoleModules = (deps: ServerDeps): ConsoleRouteModule[] => [
  venueRoutes(deps),
  venuePosterRoutes(deps),
  venueWarningRoutes(deps),
];

/** The public routes: `POST /v1/trace-warnings` and `GET /v1/trace-warnings/…`. */
export function registerCheckInRoutes(app: BluezoneServer, deps: ServerDeps): void {
  registerTraceWarningUploadRoutes(app, deps);
  registerTraceWarningDistributionRoutes(app, deps);
}
