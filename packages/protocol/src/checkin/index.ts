// Venue check-in (docs/checkin.md): event QR codes (CWA's format), location IDs, trace warnings, CWA's
// overlap rule, matching on the phone, warnings for upload, signed warning packages.
export * from './check-in.js';
export * from './check-in-matcher.js';
export * from './checkin-limits.js';
export * from './event-qr-code.js';
export * from './event-url.js';
export * from './location-id.js';
export * from './qr-code-payload.js';
export * from './trace-location.js';
export * from './trace-warning.js';
export * from './warning-derivation.js';
export * from './warning-package.js';
export * from './warning-padding.js';
