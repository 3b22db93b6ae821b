export * from './disease-course.js';
export * from './infectiousness.js';
export * from './parameters.js';
export * from './validate-parameters.js';
