export * from './contact-networks.js';
export { edgeCoin } from './edge-coin.js';
export { buildHouseholds, exactCounts, type HouseholdPopulation } from './households.js';
export {
  buildOccupationGraph,
  OCCUPATION_NETWORKS,
  type OccupationGraph,
  type OccupationOptions,
} from './occupation.js';
export { buildRandomDay, type RandomDay } from './random-network.js';
