// Builds a Vite web app (the citizen app, the console) when its build is missing or older than its
// sources: for `npm start`, `bluezone server` and the browser tests. Each app's build.mjs names its
// directory and sources and calls this.
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Newest modification time (ms) of the files under `path`, tests excluded. */
function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return path.endsWith('.test.ts') ? 0 : stat.mtimeMs;
  let most = stat.mtimeMs;
  for (const entry of readdirSync(path)) most = Math.max(most, newest(join(path, entry)));
  return most;
}

/** Whether `dir/dist` is missing or older than one of `sources`. */
export function viteBuildIsStale(dir, sources) {
  const index = join(dir, 'dist', 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  return sources.some((source) => newest(source) > built);
}

/** A lock older than this is left over from a killed build and is taken over. */
const STALE_LOCK_MS = 10 * 60_000;

/**
 * Holds `dir/.build-lock` (an atomic mkdir) while `work` runs, so that processes starting at once
 * (several servers, test files in parallel) build one at a time; the others wait, then find the
 * build up to date.
 */
export async function withBuildLock(dir, work) {
  const lock = join(dir, '.build-lock');
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      try {
        if (Date.now() - statSync(lock).mtimeMs > STALE_LOCK_MS)
          rmSync(lock, { recursive: true, force: true });
      } catch {
        // released meanwhile
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  try {
    return await work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * Builds the app in `dir` with its vite.config.ts if stale (or `force`), always as a production
 * build; returns `{dir: <dist>, built, seconds}`. `log` gets one line before a build. Builds of one
 * app never run side by side, even from several processes.
 */
export async function ensureViteBuilt(options) {
  const dist = join(options.dir, 'dist');
  if (!options.force && !viteBuildIsStale(options.dir, options.sources))
    return { dir: dist, built: false, seconds: 0 };
  return withBuildLock(options.dir, () => buildLocked(options));
}

async function buildLocked({ dir, sources, label, force = false, log = () => undefined }) {
  const dist = join(dir, 'dist');
  // Another process may have built it while this one waited for the lock.
  if (!force && !viteBuildIsStale(dir, sources)) return { dir: dist, built: false, seconds: 0 };
  log(`building ${label} …`);
  const started = Date.now();
  const { build } = await import('vite');
  // Vite keeps a NODE_ENV it finds (a test runner sets `test`), which would bundle React's
  // development build: a production build says so.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ root: dir, configFile: join(dir, 'vite.config.ts'), mode: 'production', logLevel: 'warn' });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  return { dir: dist, built: true, seconds: (Date.now() - started) / 1000 };
}

/** The command line of a build.mjs: `node apps/<app>/build.mjs [--force]`. */
export async function buildFromCommandLine(ensure) {
  const { dir, built, seconds } = await ensure({ force: process.argv.includes('--force'), log: console.log });
  console.log(built ? `built ${dir} in ${seconds.toFixed(1)} s` : `${dir} is up to date`);
}
