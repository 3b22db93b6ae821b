// The demo air: a radio and a clock that join `npm start`'s simulated district (docs/app.md).
export * from './demo-air-clock.js';
export * from './demo-air-radio.js';
