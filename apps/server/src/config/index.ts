export { type Config, ConfigError } from './config.types.js';
export { CONFIG_ENTRIES, type ConfigEntry, type ConfigKind } from './config-definition.js';
export { loadConfig, parseDuration } from './load-config.js';
