// Builds the console (apps/console/dist) when it is missing or older than its sources: for
// `npm start`, `bluezone server` and the browser tests. `node apps/console/build.mjs` builds it
// from the command line (`--force` to build anyway).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CONSOLE_DIR = dirname(fileURLToPath(import.meta.url));
/** The build the server serves at /console/ (`createApp(config, { webConsole: { dir: CONSOLE_DIST } })`). */
export const CONSOLE_DIST = join(CONSOLE_DIR, 'dist');

const SOURCES = ['src', 'public', 'index.html', 'vite.config.ts', 'package.json'].map((p) =>
  join(CONSOLE_DIR, p),
);

/** Newest modification time (ms) of the files under `path`, tests excluded. */
function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return path.endsWith('.test.ts') ? 0 : stat.mtimeMs;
  let most = stat.mtimeMs;
  for (const entry of readdirSync(path)) most = Math.max(most, newest(join(path, entry)));
  return most;
}

/** Whether `dist/` is missing or older than a source of the console. */
export function consoleBuildIsStale() {
  const index = join(CONSOLE_DIST, 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  return SOURCES.some((source) => newest(source) > built);
}

/**
 * Builds the console with Vite if needed; returns the build's directory, whether it was built now and
 * how long that took. `force` builds anyway; `log` gets one line before a build.
 */
export async function ensureConsoleBuilt({ force = false, log = () => undefined } = {}) {
  if (!force && !consoleBuildIsStale()) return { dir: CONSOLE_DIST, built: false, seconds: 0 };
  log('building the console (apps/console) …');
  const started = Date.now();
  const { build } = await import('vite');
  await build({ root: CONSOLE_DIR, configFile: join(CONSOLE_DIR, 'vite.config.ts'), logLevel: 'warn' });
  return { dir: CONSOLE_DIST, built: true, seconds: (Date.now() - started) / 1000 };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { dir, built, seconds } = await ensureConsoleBuilt({
    force: process.argv.includes('--force'),
    log: console.log,
  });
  console.log(built ? `built ${dir} in ${seconds.toFixed(1)} s` : `${dir} is up to date`);
}
