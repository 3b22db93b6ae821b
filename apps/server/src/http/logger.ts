import pino, { type Logger } from 'pino';

/**
 * Header and body paths that carry secrets: redacted should anything log a request. Together with the
 * serializers below (which keep only method and route) no log line holds an IP address, a code, a
 * token, an API key or key material.
 */
export const REDACT_PATHS = [
  'req.headers["x-api-key"]',
  'req.headers.authorization',
  'req.headers["x-forwarded-for"]',
  'req.body',
  'body',
  'code',
  'longCode',
  'token',
  'certificate',
  'ekeyhmac',
];

/**
 * Errors as logs may show them: type, SQLSTATE or Node code, message and stack — but never the query
 * parameters a database error message carries (Drizzle appends `params: …`, which would put HMACs of
 * codes or API keys in the log), and the same for every error it wraps.
 */
export function serializeError(error: unknown, depth = 0): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error).slice(0, 200) };
  const strip = (text: string | undefined) => text?.replace(/\bparams:[\s\S]*$/, 'params: [redacted]');
  const code = (error as { code?: unknown }).code;
  return {
    type: error.name,
    ...(typeof code === 'string' ? { code } : {}),
    message: strip(error.message),
    stack: strip(error.stack),
    ...(error.cause !== undefined && depth < 3 ? { cause: serializeError(error.cause, depth + 1) } : {}),
  };
}

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      serializers: {
        req: (req: { method?: string; routeOptions?: { url?: string } }) => ({
          method: req.method,
          route: req.routeOptions?.url,
        }),
        res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
        err: (error: unknown) => serializeError(error),
      },
    },
    destination,
  );
}
