/** Directory of the citizen app's sources. */
export declare const APP_DIR: string;
/** The build the server serves at /app/. */
export declare const APP_DIST: string;
/** Whether `dist/` is missing or older than a source of the app or of the packages it bundles. */
export declare function appBuildIsStale(): boolean;
/** Builds the app with Vite if needed; returns the build's directory and whether it was built now. */
export declare function ensureAppBuilt(options?: {
  force?: boolean;
  log?: (line: string) => void;
}): Promise<{ dir: string; built: boolean; seconds: number }>;
