// The demo air (a browser phone joining `npm start`'s simulated district) and the app's configuration.
export * from './app-config.schemas.js';
export * from './demo-air.schemas.js';
export * from './demo-air-client.js';
