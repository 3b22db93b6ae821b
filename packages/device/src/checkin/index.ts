// Venue check-in on the phone (docs/checkin.md).
export * from './check-in-book.js';
export * from './check-in-record.js';
export * from './check-in-share.js';
export * from './device-check-ins.js';
export * from './trace-warning-download.js';
export * from './trace-warning-sync.js';
export * from './venue-warnings.js';
