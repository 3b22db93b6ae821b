// @bluezone/protocol — pure and isomorphic. No I/O; time, randomness and fast primitives come in.
export * from './advertisement/index.js';
export * from './bytes.js';
export * from './calibration/index.js';
export * from './checkin/index.js';
export * from './diagnosis.js';
export * from './errors.js';
export * from './export/index.js';
export * from './keys/index.js';
export * from './matching/index.js';
export * from './risk/index.js';
export * from './tekmac/index.js';
export * from './time/index.js';
