// The console's API (`/console/api/…`): request and answer schemas, and the types derived from them.
export * from './accounts.schemas.js';
export * from './adoption.schemas.js';
export * from './campaigns.schemas.js';
export * from './console-common.schemas.js';
export * from './declarations.schemas.js';
export * from './planning.schemas.js';
export * from './statistics.schemas.js';
export * from './venues.schemas.js';
