export * from './adoption-curve.js';
export * from './parameters.js';
export * from './place-demography.js';
export * from './plan.js';
export { PlannerModel, type PlannerRunResult } from './planner-model.js';
export * from './presets.js';
export * from './validate-parameters.js';
