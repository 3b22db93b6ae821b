export * from '@bluezone/epidemic';
export * from './demo-air/index.js';
export * from './epidemic/index.js';
export * from './mobility/index.js';
export * from './population/index.js';
export * from './radio/index.js';
export * from './run/index.js';
