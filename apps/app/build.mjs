// Builds the citizen app (apps/app/dist) when it is missing or older than its sources: for
// `npm start`, `bluezone server` and the browser tests. `node apps/app/build.mjs [--force]` builds it
// from the command line.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildFromCommandLine, ensureViteBuilt, viteBuildIsStale } from '../../scripts/web-build.mjs';

export const APP_DIR = dirname(fileURLToPath(import.meta.url));
/** The build the server serves at /app/ (`registerWebApp({ dir: APP_DIST })`). */
export const APP_DIST = join(APP_DIR, 'dist');

const SOURCES = [
  ...['src', 'public', 'index.html', 'vite.config.ts', 'package.json'].map((p) => join(APP_DIR, p)),
  // The packages the app bundles.
  ...['protocol', 'api', 'device'].map((p) => join(APP_DIR, '../../packages', p, 'src')),
];

/** Whether `dist/` is missing or older than a source of the app or of the packages it bundles. */
export function appBuildIsStale() {
  return viteBuildIsStale(APP_DIR, SOURCES);
}

/** Builds the app with Vite if needed (about 5–15 s on two cores); `force` builds anyway. */
export function ensureAppBuilt({ force = false, log = () => undefined } = {}) {
  return ensureViteBuilt({ dir: APP_DIR, sources: SOURCES, label: 'the citizen app (apps/app)', force, log });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1])
  await buildFromCommandLine(ensureAppBuilt);
