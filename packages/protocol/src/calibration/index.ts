export * from './attenuation.js';
export { type CalibrationModel, calibrationModels } from './calibration-table.js';
export * from './lookup.js';
