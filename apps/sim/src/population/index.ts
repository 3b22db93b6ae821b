export * from '@bluezone/epidemic';
export * from './build-population.js';
export * from './options.js';
export * from './phones.js';
export * from './places.js';
export * from './population.js';
