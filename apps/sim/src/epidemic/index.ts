export * from './epidemic.js';
export { EpidemicState } from './epidemic-state.js';
export * from './events.js';
