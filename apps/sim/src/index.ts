export * from './population/index.js';
export * from './random/index.js';
