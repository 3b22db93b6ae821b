export * from './course/index.js';
export * from './demography/index.js';
export * from './networks/index.js';
export * from './planner/index.js';
export * from './random/index.js';
