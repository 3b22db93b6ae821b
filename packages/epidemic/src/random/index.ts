export { gamma, gammaCdf, logGamma, poisson, standardNormal, type Uniform } from './distributions.js';
export { Random } from './random.js';
export { hashKey, mix32, streamKey } from './seed-hash.js';
export { Sfc32 } from './sfc32.js';
export { WeightedTable } from './weighted-table.js';
