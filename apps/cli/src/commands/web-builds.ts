// The citizen app and the console are built by `bluezone start` and `bluezone server` on their first
// start (and again when their sources changed), so a fresh install serves /app/ and /console/
// without a separate `npm run build:web`.

/** Where the builds are. */
export interface WebBuilds {
  readonly app: string;
  readonly console: string;
}

/** Builds the citizen app and the console with Vite when their builds are missing or older than their sources. */
export async function buildWebApps(log: (line: string) => void): Promise<WebBuilds> {
  const { ensureAppBuilt } = await import('@bluezone/app/build');
  const { ensureConsoleBuilt } = await import('@bluezone/console/build');
  const app = await ensureAppBuilt({ log });
  const console = await ensureConsoleBuilt({ log });
  return { app: app.dir, console: console.dir };
}

/**
 * As `buildWebApps`, for a server whose API must start even when a build fails (no write access to
 * the install, a broken toolchain): the failure is logged with what to run, and the server then
 * answers `console_not_built` / `app_not_built` until someone builds.
 */
export async function buildWebAppsOrWarn(log: (line: string) => void): Promise<void> {
  try {
    await buildWebApps(log);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    log(
      `không dựng được ứng dụng web / could not build the web apps (${reason}); the API runs, /app/ and /console/ answer 404 until \`npm run build:web\` succeeds`,
    );
  }
}
