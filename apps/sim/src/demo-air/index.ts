export * from './demo-air.js';
export * from './demo-air-world.js';
export * from './sim-rate.js';
export * from './staged-encounter.js';
