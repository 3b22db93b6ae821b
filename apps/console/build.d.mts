/** Directory of the console's sources. */
export declare const CONSOLE_DIR: string;
/** The build the server serves at /console/. */
export declare const CONSOLE_DIST: string;
/** Whether `dist/` is missing or older than a source of the console. */
export declare function consoleBuildIsStale(): boolean;
/** Builds the console with Vite if needed; the build's directory, whether it was built now, seconds taken. */
export declare function ensureConsoleBuilt(options?: {
  force?: boolean;
  log?: (line: string) => void;
}): Promise<{ dir: string; built: boolean; seconds: number }>;
