import { describe, expect, it } from 'vitest';
import { ConfigError } from './config.types.js';
import { loadConfig, parseDuration } from './load-config.js';

describe('loadConfig', () => {
  it('runs offline on one machine with no environment at all', () => {
    const config = loadConfig({});
    expect(config.port).toBe(8080);
    expect(config.dataDir).toBe('./.bluezone');
    expect(config.databaseUrl).toBeUndefined();
    expect(config.shortCodeLifetime).toBe(15 * 60_000);
    expect(config.longCodeLifetime).toBe(24 * 3_600_000);
    expect(config.tokenLifetime).toBe(24 * 3_600_000);
    expect(config.certificateLifetime).toBe(15 * 60_000);
    expect(config.trustedProxies).toBeUndefined();
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('reads BLUEZONE_* values', () => {
    const config = loadConfig({
      BLUEZONE_PORT: '9000',
      BLUEZONE_TRUSTED_PROXIES: '10.0.0.0/8, loopback',
      BLUEZONE_LOG_LEVEL: 'warn',
    });
    expect([config.port, config.trustedProxies, config.logLevel]).toEqual([
      9000,
      '10.0.0.0/8, loopback',
      'warn',
    ]);
  });

  it('reports every problem at once', () => {
    let error: unknown;
    try {
      loadConfig({
        BLUEZONE_PORT: 'eighty',
        BLUEZONE_SHORT_CODE_LIFETIME: '2h',
        BLUEZONE_LOG_LEVEL: 'loud',
        BLUEZONE_TRUSTED_PROXIES: 'my proxy; rm -rf',
        DATABASE_URL: 'mysql://db',
        BLUEZONE_SECRET: 'c2hvcnQ=',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toHaveLength(6);
    expect(problems.join('\n')).toMatch(/BLUEZONE_PORT.*not an integer/);
    expect(problems.join('\n')).toMatch(/BLUEZONE_SHORT_CODE_LIFETIME.*outside/);
    expect(problems.join('\n')).toMatch(/BLUEZONE_LOG_LEVEL.*not one of/);
    expect(problems.join('\n')).toMatch(/DATABASE_URL.*does not match/);
    expect(problems.join('\n')).toMatch(/BLUEZONE_SECRET: not base64 of at least 32 bytes/);
    expect((error as Error).message.split('\n')).toHaveLength(7);
  });

  it('checks rules between entries', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://localhost/bz' })).toThrow(
      /BLUEZONE_SECRET is required/,
    );
    expect(() =>
      loadConfig({ BLUEZONE_SHORT_CODE_LIFETIME: '1h', BLUEZONE_LONG_CODE_LIFETIME: '1h' }),
    ).not.toThrow();
  });

  it('never echoes the secret in a problem', () => {
    expect(() => loadConfig({ BLUEZONE_SECRET: 'not-a-secret!' })).toThrow(/^((?!not-a-secret).)*$/s);
  });
});

describe('parseDuration', () => {
  it('knows ms, s, m, h and d', () => {
    expect(['500ms', '30s', '15m', '24h', '14d'].map(parseDuration)).toEqual([
      500, 30_000, 900_000, 86_400_000, 1_209_600_000,
    ]);
    expect(parseDuration('15 minutes')).toBeUndefined();
  });
});
