#!/usr/bin/env node
// Writes docs/openapi.json: the OpenAPI 3 document `bluezone server` serves at /docs/json, built from
// the route schemas (apps/server/src/app/openapi-document.ts, loaded through tsx; no database, no
// port), formatted by Biome. Keys are sorted and nothing depends on time, so the text changes only when a route does.
// Prints the path it owns.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tsImport } from 'tsx/esm/api';

const root = new URL('../..', import.meta.url).pathname;
const SOURCE = 'apps/server/src/app/openapi-document.ts';
const OUTPUT = 'docs/openapi.json';

const { buildOpenApiDocument, formatOpenApiDocument } = await tsImport(join(root, SOURCE), import.meta.url);

writeFileSync(join(root, OUTPUT), formatOpenApiDocument(await buildOpenApiDocument()));
// In the repository's JSON style (Biome), so `biome check` leaves the committed file alone.
execFileSync(join(root, 'node_modules', '.bin', 'biome'), ['format', '--write', OUTPUT], {
  cwd: root,
  stdio: ['ignore', 'ignore', 'pipe'],
});
console.log(OUTPUT);
