import type { FastifyReply, FastifyRequest } from 'fastify';
import { isRegion } from '../distribution/distribution-paths.js';
import { AppError } from '../errors/app-error.js';
import { INDEX_CACHE_CONTROL, ZIP_CACHE_CONTROL } from '../export/export-keys.js';
import { etagMatches } from '../http/etag.js';
import type { BluezoneServer } from '../http/server.types.js';
import type { ServerDeps } from '../server-env/server-deps.js';
import { traceWarningBlobPath, traceWarningIndexBlob } from './trace-warning-export.service.js';

/** `trace-warnings-<hour>.zip`, as the worker names packages. */
const PACKAGE_FILE = /^trace-warnings-\d{1,10}\.zip$/;
type Params = { region: string; file?: string };

/**
 * What phones download to match their check-ins (docs/checkin.md): `/v1/trace-warnings/<region>/index.txt`
 * and the packages it lists, with the key exports' cache headers (index 5 minutes, packages immutable),
 * a strong ETag and 304 on a matching If-None-Match.
 */
export function registerTraceWarningDistributionRoutes(app: BluezoneServer, deps: ServerDeps): void {
  const notFound = () => new AppError('not_found', 'There is no such trace warning file.');
  async function blob(request: FastifyRequest, reply: FastifyReply, path: string, cacheControl: string) {
    const found = await deps.blobStore.get(path);
    if (!found) throw notFound();
    reply.header('cache-control', cacheControl).header('etag', found.etag);
    if (etagMatches(request.headers['if-none-match'], found.etag)) return reply.status(304).send();
    return reply.header('content-type', found.contentType).send(Buffer.from(found.body));
  }

  app.get<{ Params: Params }>('/v1/trace-warnings/:region/index.txt', async (request, reply) => {
    if (!isRegion(request.params.region)) throw notFound();
    return blob(request, reply, traceWarningIndexBlob(request.params.region), INDEX_CACHE_CONTROL);
  });

  app.get<{ Params: Params }>('/v1/trace-warnings/:region/:file', async (request, reply) => {
    const { region, file = '' } = request.params;
    if (!isRegion(region) || !PACKAGE_FILE.test(file)) throw notFound();
    return blob(request, reply, traceWarningBlobPath(`${region}/${file}`), ZIP_CACHE_CONTROL);
  });
}
