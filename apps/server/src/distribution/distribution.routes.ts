import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors/app-error.js';
import { exportIndexPath, INDEX_CACHE_CONTROL, ZIP_CACHE_CONTROL } from '../export/export-keys.js';
import { etagMatches } from '../http/etag.js';
import type { BluezoneServer } from '../http/server.types.js';
import { loadNotices } from '../notices/notices.js';
import type { ServerDeps } from '../server-env/server-deps.js';
import type { DownloadCounter } from '../statistics/download-counter.js';
import { isExportFileName, isRegion } from './distribution-paths.js';
import { exportPublicKeys } from './export-public-keys.service.js';
import { loadRiskConfiguration } from './risk-configuration.js';

type Params = { region: string; file?: string };
const notFound = () => new AppError('not_found', 'There is no such export file.');

/**
 * Distribution (docs/api.md): what phones download, with headers a CDN can cache. Zips never change
 * once listed (immutable, a year); the index is rewritten every batch (5 minutes); both carry a
 * strong ETag and answer 304 to a matching If-None-Match.
 */
export function registerDistributionRoutes(
  app: BluezoneServer,
  deps: ServerDeps,
  downloads: DownloadCounter,
): void {
  const store = deps.blobStore;
  const risk = loadRiskConfiguration(deps.config.riskConfiguration);
  const riskBody = JSON.stringify(risk);

  async function serve(request: FastifyRequest, reply: FastifyReply, path: string, cacheControl: string) {
    const blob = await store.get(path);
    if (!blob) throw notFound();
    reply.header('cache-control', cacheControl).header('etag', blob.etag);
    if (etagMatches(request.headers['if-none-match'], blob.etag)) return reply.status(304).send();
    return reply.header('content-type', blob.contentType).send(Buffer.from(blob.body));
  }

  app.get<{ Params: Params }>('/v1/exports/:region/index.txt', async (request, reply) => {
    const { region } = request.params;
    if (!isRegion(region)) throw notFound();
    return serve(request, reply, exportIndexPath(region), INDEX_CACHE_CONTROL);
  });

  app.get<{ Params: Params }>('/v1/exports/:region/keys.json', async (request, reply) => {
    const { region } = request.params;
    const keys = isRegion(region) ? await exportPublicKeys(deps, region) : undefined;
    if (!keys) throw notFound();
    return reply.header('cache-control', INDEX_CACHE_CONTROL).send(keys);
  });

  const notices = JSON.stringify(loadNotices(deps.config.notices));
  app.get<{ Params: Params }>('/v1/notices/:region', async (request, reply) => {
    const { region } = request.params;
    if (!isRegion(region) || !(await exportPublicKeys(deps, region))) throw notFound();
    return reply
      .header('cache-control', INDEX_CACHE_CONTROL)
      .header('content-type', 'application/json; charset=utf-8')
      .send(notices);
  });

  app.get<{ Params: Params }>('/v1/exports/:region/risk-configuration.json', async (request, reply) => {
    const { region } = request.params;
    if (!isRegion(region) || !(await exportPublicKeys(deps, region))) throw notFound();
    return reply
      .header('cache-control', INDEX_CACHE_CONTROL)
      .header('content-type', 'application/json; charset=utf-8')
      .send(riskBody);
  });

  app.get<{ Params: Params }>('/v1/exports/:region/:file', async (request, reply) => {
    const { region, file = '' } = request.params;
    if (!isRegion(region) || !isExportFileName(file)) throw notFound();
    const answer = await serve(request, reply, `${region}/${file}`, ZIP_CACHE_CONTROL);
    if (reply.statusCode === 200)
      downloads.count(deps.clock.now().toISOString().slice(0, 10), `${region}/${file}`);
    return answer;
  });
}
