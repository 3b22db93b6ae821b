// Builds the console (apps/console/dist) when it is missing or older than its sources: for
// `npm start`, `bluezone server` and the browser tests. `node apps/console/build.mjs [--force]`
// builds it from the command line.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildFromCommandLine, ensureViteBuilt, viteBuildIsStale } from '../../scripts/web-build.mjs';

export const CONSOLE_DIR = dirname(fileURLToPath(import.meta.url));
/** The build the server serves at /console/ (`createApp(config, { webConsole: { dir: CONSOLE_DIST } })`). */
export const CONSOLE_DIST = join(CONSOLE_DIR, 'dist');

const SOURCES = [
  ...['src', 'public', 'index.html', 'vite.config.ts', 'package.json'].map((p) => join(CONSOLE_DIR, p)),
  join(CONSOLE_DIR, '../../packages/api/src'),
];

/** Whether `dist/` is missing or older than a source of the console. */
export function consoleBuildIsStale() {
  return viteBuildIsStale(CONSOLE_DIR, SOURCES);
}

/** Builds the console with Vite if needed (2–7 s on two cores); `force` builds anyway. */
export function ensureConsoleBuilt({ force = false, log = () => undefined } = {}) {
  return ensureViteBuilt({
    dir: CONSOLE_DIR,
    sources: SOURCES,
    label: 'the console (apps/console)',
    force,
    log,
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1])
  await buildFromCommandLine(ensureConsoleBuilt);
