import type { Config } from '@bluezone/server';
import { CliError } from '../../cli-error.js';

/**
 * The server configuration from the environment, with command-line options taking precedence.
 * The server is imported only when a server command runs, so other commands stay light.
 */
export async function serverConfig(overrides: Record<string, string | undefined>): Promise<Config> {
  const { ConfigError, loadConfig } = await import('@bluezone/server');
  const env: Record<string, string | undefined> = { ...process.env };
  for (const [name, value] of Object.entries(overrides)) if (value !== undefined) env[name] = value;
  try {
    return loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) throw new CliError(error.message, 2, { cause: error });
    throw error;
  }
}
