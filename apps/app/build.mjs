// Builds the citizen app (apps/app/dist) when it is missing or older than its sources: for
// `npm start` and the browser tests. `node apps/app/build.mjs` builds it from the command line.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const APP_DIR = dirname(fileURLToPath(import.meta.url));
/** The build the server serves at /app/ (`registerWebApp({ dir: APP_DIST })`). */
export const APP_DIST = join(APP_DIR, 'dist');

const SOURCES = [
  join(APP_DIR, 'src'),
  join(APP_DIR, 'public'),
  join(APP_DIR, 'index.html'),
  join(APP_DIR, 'vite.config.ts'),
  join(APP_DIR, 'package.json'),
  join(APP_DIR, '../../packages/protocol/src'),
  join(APP_DIR, '../../packages/api/src'),
  join(APP_DIR, '../../packages/device/src'),
];

/** Newest modification time (ms) of the files under `path`, tests excluded. */
function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return path.endsWith('.test.ts') ? 0 : stat.mtimeMs;
  let most = stat.mtimeMs;
  for (const entry of readdirSync(path)) most = Math.max(most, newest(join(path, entry)));
  return most;
}

/** Whether `dist/` is missing or older than a source of the app or of the packages it bundles. */
export function appBuildIsStale() {
  const index = join(APP_DIST, 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  return SOURCES.some((source) => newest(source) > built);
}

/**
 * Builds the app with Vite if needed (about 5–15 s on two cores); returns the build's directory and
 * whether it was built now. `force` builds anyway; `log` gets one line before a build.
 */
export async function ensureAppBuilt({ force = false, log = () => undefined } = {}) {
  if (!force && !appBuildIsStale()) return { dir: APP_DIST, built: false };
  log('building the citizen app (apps/app) …');
  const { build } = await import('vite');
  // Vite keeps a NODE_ENV it finds (a test runner sets `test`), which would bundle React's
  // development build: a production build says so.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      root: APP_DIR,
      configFile: join(APP_DIR, 'vite.config.ts'),
      mode: 'production',
      logLevel: 'warn',
    });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  return { dir: APP_DIST, built: true };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const started = Date.now();
  const { dir, built } = await ensureAppBuilt({ force: process.argv.includes('--force'), log: console.log });
  console.log(
    built ? `built ${dir} in ${((Date.now() - started) / 1000).toFixed(1)} s` : `${dir} is up to date`,
  );
}
