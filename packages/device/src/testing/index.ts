// In-memory ports for tests and the simulator.
export * from './fake-clock.js';
export * from './memory-air.js';
export * from './memory-phone.js';
export * from './memory-platform.js';
export * from './memory-store.js';
export * from './seeded-random.js';
export * from './venue-codes.js';
