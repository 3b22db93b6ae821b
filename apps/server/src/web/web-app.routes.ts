import { stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import type { AppConfig } from '@bluezone/api';
import fastifyStatic from '@fastify/static';
import type { FastifyReply } from 'fastify';
import { AppError } from '../errors/app-error.js';
import type { BluezoneServer } from '../http/server.types.js';

/** Where the citizen app's build is, and what `GET /app/config.json` answers. */
export interface WebAppOptions {
  /** The app's build (`apps/app/dist`): index.html, the service worker, hashed files in `assets/`. */
  readonly dir: string;
  /**
   * The deployment as the app needs it; a function when it is known only once the server runs
   * (`bluezone start` provisions the health authority after listening). Undefined: not yet.
   */
  readonly config: AppConfig | (() => AppConfig | undefined | Promise<AppConfig | undefined>);
}

export const WEB_APP_PREFIX = '/app/';
/** Files a browser must check again at every load: the entry page, the service worker, the manifest. */
const NO_CACHE = /^(index\.html|sw\.js|registerSW\.js|workbox-[^/]*\.js|manifest\.webmanifest)$/;
const HASHED = /^assets\//;

/**
 * Serves the citizen app's build at `/app/` (not documented in the OpenAPI document: it is no API):
 * hashed assets cached for a year as immutable, the entry page and service worker never cached,
 * any other path without a file extension answered with index.html (the app's own routes). Without
 * a build, `/app/` answers 404 `app_not_built`.
 */
export function registerWebApp(server: BluezoneServer, options: WebAppOptions): void {
  const root = resolve(options.dir);
  server.register(async (scope) => {
    // sendFile only: which file answers which path is decided here.
    await scope.register(fastifyStatic, { root, serve: false });
    const hide = { schema: { hide: true } } as Record<string, unknown>;
    scope.get('/app', hide, async (_request, reply) => reply.redirect(WEB_APP_PREFIX, 301));
    // A venue poster's `…/c?v=1#<payload>` opens the app's check-in; the browser keeps the `#` part
    // across the redirect, so the payload never reaches the server (docs/checkin.md).
    scope.get('/c', hide, async (request, reply) => {
      const query = request.url.indexOf('?');
      return reply.redirect(`${WEB_APP_PREFIX}c${query < 0 ? '' : request.url.slice(query)}`, 302);
    });
    scope.get('/app/config.json', hide, async (_request, reply) => {
      const config = typeof options.config === 'function' ? await options.config() : options.config;
      reply.header('cache-control', 'no-cache');
      if (config === undefined)
        throw new AppError(
          'app_config_unavailable',
          'Máy chủ đang khởi động. — The server is still starting: the app configuration is not ready yet.',
        );
      return config;
    });
    scope.get('/app/*', hide, async (request, reply) => {
      const path = (request.params as { '*': string })['*'] || 'index.html';
      if (!(await isFile(join(root, 'index.html')))) return notBuilt(reply, options.dir);
      const file = resolve(root, path);
      if (file.startsWith(root + sep) && (await isFile(file))) return send(reply, path);
      if (extname(path) !== '')
        return reply.status(404).send({ error: 'No such file.', errorCode: 'not_found' });
      return send(reply, 'index.html');
    });
  });
}

function send(reply: FastifyReply, path: string): FastifyReply {
  if (HASHED.test(path)) return reply.sendFile(path, { immutable: true, maxAge: '365d' });
  if (NO_CACHE.test(path)) {
    reply.header('cache-control', 'no-cache');
    return reply.sendFile(path, { cacheControl: false });
  }
  return reply.sendFile(path, { maxAge: '1h' });
}

function notBuilt(reply: FastifyReply, dir: string): FastifyReply {
  return reply.status(404).send({
    error: `The citizen app is not built (nothing in ${dir}): run \`npm run build -w @bluezone/app\`.`,
    errorCode: 'app_not_built',
  });
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
