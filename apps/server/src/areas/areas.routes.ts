import { createHash } from 'node:crypto';
import { Areas2020Schema, Areas2025Schema } from '@bluezone/api';
import type { FastifyInstance, FastifySchema } from 'fastify';
import { etagMatches } from '../http/etag.js';
import { errorList } from '../http/openapi-routes.js';
import type { BluezoneServer } from '../http/server.types.js';
import { areaSet } from './area-set.loader.js';
import type { AreaSet } from './area-set.types.js';

/** The sets are data files that change only with a deployment: a day in caches, revalidated by ETag. */
export const AREAS_CACHE_CONTROL = 'public, max-age=86400';

const meta = (set: AreaSet) => ({
  id: set.id,
  version: set.version,
  asOf: set.asOf,
  populationDate: set.populationDate,
});

/** `GET /v1/areas`: the 2020 provinces and districts, only what a client draws and picks from. */
export function compact2020(set: AreaSet) {
  return {
    ...meta(set),
    provinces: set.provinces.map((p) => ({
      iso: p.code,
      vi: p.vi,
      en: p.en,
      population: p.population,
      districts: p.districts.map((d) => ({ code: d.code, vi: d.vi, en: d.en })),
    })),
  };
}

/** `GET /v1/areas/2025`: the 34 units of 2025 and the 2020 provinces each was formed from. */
export function compact2025(set: AreaSet) {
  return {
    ...meta(set),
    districtsAbolished: set.districtsAbolished === true,
    provinces: set.provinces.map((p) => ({
      code: p.code,
      vi: p.vi,
      en: p.en,
      population: p.population,
      formedFrom: [...(p.formedFrom ?? [])],
    })),
  };
}

function cached(body: unknown) {
  const text = JSON.stringify(body);
  return { text, etag: `"${createHash('sha256').update(text).digest('hex').slice(0, 32)}"` };
}

const describe = (what: string) =>
  `${what} Public, no API key. \`Cache-Control: ${AREAS_CACHE_CONTROL}\`, strong \`ETag\`, \`304\` on a matching \`If-None-Match\`. Sources and licences: docs/areas.md. ${errorList([])}`;

/**
 * Administrative units (docs/areas.md): public and cacheable. The files are read and checked when
 * the routes are registered, so a broken data file stops the server at start, not at the first call.
 */
export function registerAreaRoutes(app: BluezoneServer): void {
  const routes = [
    {
      url: '/v1/areas',
      body: cached(compact2020(areaSet('vn-2020'))),
      summary: "Viet Nam's 63 provinces (2020) with their districts and 2019 census population",
      description: describe(
        'Provinces by ISO 3166-2 code, districts by GSO code, Vietnamese and English names.',
      ),
      schema: Areas2020Schema,
    },
    {
      url: '/v1/areas/2025',
      body: cached(compact2025(areaSet('vn-2025'))),
      summary: 'The 34 provincial units since 1 July 2025 and the 2020 provinces each was formed from',
      description: describe('No districts: abolished on 1 July 2025.'),
      schema: Areas2025Schema,
    },
  ];
  // Bodies are sent pre-serialised (their ETag is of these bytes); the schemas document them.
  const untyped = app as unknown as FastifyInstance;
  for (const { url, body, summary, description, schema } of routes) {
    const documented: FastifySchema = { summary, description, tags: ['areas'], response: { 200: schema } };
    untyped.get(url, { schema: documented }, (request, reply) => {
      reply.header('cache-control', AREAS_CACHE_CONTROL).header('etag', body.etag);
      if (etagMatches(request.headers['if-none-match'], body.etag)) return reply.status(304).send();
      return reply.header('content-type', 'application/json; charset=utf-8').send(body.text);
    });
  }
}
