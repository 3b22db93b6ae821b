// Matching: diagnosis keys against a phone's sighting log → GAEN v2 exposure windows.
export * from './exposure-windows.js';
export * from './key-policy.js';
export * from './matcher.js';
export * from './matching-types.js';
export * from './phone-scans.js';
export * from './primitives/matching-primitives.js';
export * from './reference-matcher.js';
export * from './sighting-index.js';
