// @bluezone/device — the phone's runtime, platform-neutral behind ports (docs/device.md).
export * from './demo-air/index.js';
export * from './device.js';
export * from './device-options.js';
export * from './device-status.js';
export * from './errors.js';
export * from './keys/own-keys.js';
export * from './nearby/nearby-scan.js';
export * from './ports/index.js';
export * from './retention.js';
export * from './sightings/sighting-log.js';
export * from './sightings/sighting-record.js';
export * from './sync/export-sync.js';
export * from './sync/exposure-store.js';
export * from './sync/risk-options.js';
export * from './upload/upload-errors.js';
export * from './upload/upload-flow.js';
export * from './warnings/warning-state.js';
