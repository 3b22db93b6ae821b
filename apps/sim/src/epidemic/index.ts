export * from './disease-course.js';
export * from './epidemic.js';
export { EpidemicState } from './epidemic-state.js';
export * from './events.js';
export {
  dailyInfectiousness,
  distanceFactor,
  gammaShapeScale,
  INFECTIOUSNESS_STEP_MINUTES,
  InfectiousnessProfile,
  weibullDensity,
  weibullQuantile,
} from './infectiousness.js';
export * from './parameters.js';
export * from './validate-parameters.js';
