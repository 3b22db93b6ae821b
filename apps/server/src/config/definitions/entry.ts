// The shape of one configuration entry, and the units durations are written with.

export type ConfigKind = 'integer' | 'duration' | 'string' | 'enum' | 'boolean' | 'url' | 'secret';

export interface ConfigEntry {
  readonly key: string;
  readonly env: string;
  readonly kind: ConfigKind;
  /** Written as in the environment (`15m`, `8080`); absent means optional with no value. */
  readonly default?: string;
  readonly min?: number;
  readonly max?: number;
  readonly values?: readonly string[];
  readonly pattern?: string;
  readonly description: string;
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
