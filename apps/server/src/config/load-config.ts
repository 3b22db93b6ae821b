import { type Config, ConfigError } from './config.types.js';
import { CONFIG_ENTRIES, type ConfigEntry } from './config-definition.js';

const DURATION = /^(\d+)(ms|s|m|h|d)$/;
const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Parses `15m`, `24h`, `14d`, `30s`, `500ms` into milliseconds; undefined when malformed. */
export function parseDuration(text: string): number | undefined {
  const match = DURATION.exec(text.trim());
  if (!match) return undefined;
  return Number(match[1]) * (UNIT_MS[match[2] as string] as number);
}

type Parsed = { value: unknown } | { problem: string };

function parseEntry(entry: ConfigEntry, text: string): Parsed {
  const bad = (why: string): Parsed => ({ problem: `${entry.env}=${JSON.stringify(text)}: ${why}` });
  const inRange = (n: number, shown: string): Parsed =>
    (entry.min !== undefined && n < entry.min) || (entry.max !== undefined && n > entry.max)
      ? bad(
          `${shown} is outside ${entry.min ?? '-∞'}…${entry.max ?? '∞'}${entry.kind === 'duration' ? ' ms' : ''}`,
        )
      : { value: n };
  switch (entry.kind) {
    case 'integer': {
      if (!/^-?\d+$/.test(text.trim())) return bad('not an integer');
      return inRange(Number(text), text.trim());
    }
    case 'duration': {
      const ms = parseDuration(text);
      if (ms === undefined) return bad('not a duration like 30s, 15m, 24h or 14d');
      return inRange(ms, `${ms} ms`);
    }
    case 'boolean': {
      const t = text.trim().toLowerCase();
      if (['true', '1', 'yes'].includes(t)) return { value: true };
      if (['false', '0', 'no'].includes(t)) return { value: false };
      return bad('not a boolean (true or false)');
    }
    case 'enum':
      return entry.values?.includes(text) ? { value: text } : bad(`not one of ${entry.values?.join(', ')}`);
    case 'secret': {
      const bytes = /^[A-Za-z0-9+/]+={0,2}$/.test(text) ? Buffer.from(text, 'base64') : undefined;
      if (!bytes || bytes.length < 32) return { problem: `${entry.env}: not base64 of at least 32 bytes` };
      return { value: text };
    }
    default: {
      if (text.trim() === '') return bad('must not be empty');
      if (entry.pattern && !new RegExp(entry.pattern).test(text))
        return bad(`does not match ${entry.pattern}`);
      return { value: text };
    }
  }
}

/**
 * Reads the configuration from the environment, validates every entry and the rules between them,
 * and returns a frozen object; throws one ConfigError listing every problem found.
 */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): Config {
  const values: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const entry of CONFIG_ENTRIES as readonly ConfigEntry[]) {
    const given = env[entry.env];
    const text = given === undefined || given === '' ? entry.default : given;
    if (text === undefined) {
      values[entry.key] = undefined;
      continue;
    }
    const parsed = parseEntry(entry, text);
    if ('problem' in parsed) problems.push(parsed.problem);
    else values[entry.key] = parsed.value;
  }
  problems.push(...crossChecks(values));
  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze(values) as Config;
}

function crossChecks(values: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const short = values.shortCodeLifetime;
  const long = values.longCodeLifetime;
  if (typeof short === 'number' && typeof long === 'number' && long < short)
    problems.push('BLUEZONE_LONG_CODE_LIFETIME must not be shorter than BLUEZONE_SHORT_CODE_LIFETIME');
  if (values.databaseUrl !== undefined && values.secret === undefined)
    problems.push('BLUEZONE_SECRET is required with DATABASE_URL, so that every replica shares it');
  const { exportPaddingMin: pad, exportPaddingJitter: jitter, exportMaxKeysPerFile: cap } = values;
  if (typeof pad === 'number' && typeof jitter === 'number' && typeof cap === 'number' && cap < pad + jitter)
    problems.push(
      'BLUEZONE_EXPORT_MAX_KEYS_PER_FILE must be at least BLUEZONE_EXPORT_PADDING_MIN + BLUEZONE_EXPORT_PADDING_JITTER',
    );
  return problems;
}
