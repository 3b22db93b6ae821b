export * from './derivation.js';
export * from './metadata.js';
export * from './temporary-exposure-key.js';
