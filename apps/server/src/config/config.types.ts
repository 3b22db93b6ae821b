import type { CONFIG_ENTRIES, ConfigKind } from './config-definition.js';

type Entry = (typeof CONFIG_ENTRIES)[number];

type KindValue<K extends ConfigKind> = K extends 'integer' | 'duration'
  ? number
  : K extends 'boolean'
    ? boolean
    : string;

type EntryValue<E extends Entry> = E extends { default: string }
  ? KindValue<E['kind']>
  : KindValue<E['kind']> | undefined;

/**
 * The validated server configuration. Durations are in milliseconds; `secret` is the decoded base64
 * text as given (decoded by the secrets module).
 */
export type Config = { readonly [E in Entry as E['key']]: EntryValue<E> };

/** Thrown by `loadConfig` with every problem found, one per line. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}
