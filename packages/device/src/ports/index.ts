// The ports: everything @bluezone/device needs from the platform (docs/device.md).
export * from './clock.js';
export * from './key-value-store.js';
export * from './platform.js';
export * from './radio.js';
export * from './random-source.js';
