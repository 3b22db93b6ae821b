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
      },
    },
    destination,
  );
}
