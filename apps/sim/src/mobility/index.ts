export * from './close-contacts.js';
export * from './close-pairs.js';
export * from './contact-batch.js';
export * from './day-plan.js';
export * from './mobility.js';
export * from './occupancy.js';
export * from './options.js';
