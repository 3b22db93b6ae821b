export * from './build-population.js';
export * from './options.js';
export * from './phones.js';
export * from './place-profile.js';
export * from './places.js';
export * from './population.js';
