import { stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyReply } from 'fastify';
import type { BluezoneServer } from '../http/server.types.js';

/** Where the health-authority console's build is (`apps/console/dist`). */
export interface WebConsoleOptions {
  /** The console's build: index.html and hashed files in `assets/`. */
  readonly dir: string;
}

export const WEB_CONSOLE_PREFIX = '/console/';
/** The console's API lives under the same prefix: static files never answer for it. */
const API = /^api(\/|$)/;
const HASHED = /^assets\//;

/**
 * Serves the console's build at `/console/` beside its API at `/console/api/` (the API's routes are
 * more specific, so they win; an unknown `/console/api/…` path answers 404 `not_found`, never the
 * entry page). Hashed assets are cached for a year as immutable, the entry page never; any other path
 * without a file extension is one of the console's own routes and answers index.html. Without a
 * build, `/console/` answers 404 `console_not_built`. Not in the OpenAPI document: it is no API.
 */
export function registerWebConsole(server: BluezoneServer, options: WebConsoleOptions): void {
  const root = resolve(options.dir);
  server.register(async (scope) => {
    await scope.register(fastifyStatic, { root, serve: false });
    const hide = { schema: { hide: true } } as Record<string, unknown>;
    scope.get('/console', hide, async (_request, reply) => reply.redirect(WEB_CONSOLE_PREFIX, 301));
    scope.get('/console/*', hide, async (request, reply) => {
      const path = (request.params as { '*': string })['*'] || 'index.html';
      if (API.test(path)) return notFound(reply, 'No such console API route.');
      if (!(await isFile(join(root, 'index.html')))) return notBuilt(reply, options.dir);
      const file = resolve(root, path);
      if (file.startsWith(root + sep) && (await isFile(file))) return send(reply, path);
      if (extname(path) !== '') return notFound(reply, 'No such file.');
      return send(reply, 'index.html');
    });
  });
}

function send(reply: FastifyReply, path: string): FastifyReply {
  if (HASHED.test(path)) return reply.sendFile(path, { immutable: true, maxAge: '365d' });
  if (path === 'index.html') {
    reply.header('cache-control', 'no-cache');
    return reply.sendFile(path, { cacheControl: false });
  }
  return reply.sendFile(path, { maxAge: '1h' });
}

const notFound = (reply: FastifyReply, error: string) =>
  reply.status(404).send({ error, errorCode: 'not_found' });

function notBuilt(reply: FastifyReply, dir: string): FastifyReply {
  return reply.status(404).send({
    error: `The console is not built (nothing in ${dir}): run \`npm run build -w @bluezone/console\`.`,
    errorCode: 'console_not_built',
  });
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
