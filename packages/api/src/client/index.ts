// The typed HTTP client of the Bluezone APIs, over an injected transport.
export * from './api-error.js';
export * from './bluezone-client.js';
export * from './fetch-transport.js';
export * from './http-transport.js';
export * from './publish-types.js';
export * from './utf8.js';
