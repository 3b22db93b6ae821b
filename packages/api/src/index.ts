// @bluezone/api — wire contracts shared by the server, the apps and the CLI: error codes with their
// HTTP statuses, and the TypeBox schemas of every request and answer.

export * from './adoption/adoption-client.js';
export * from './adoption/adoption-report.schemas.js';
export * from './areas.schemas.js';
export * from './certificate-claims.js';
export * from './client/index.js';
export * from './common.schemas.js';
export * from './console/index.js';
export * from './demo/index.js';
export * from './error-codes.js';
export * from './notices.schemas.js';
export * from './publish.schemas.js';
export * from './text.schemas.js';
export * from './trace-warnings.schemas.js';
export * from './verification.schemas.js';
