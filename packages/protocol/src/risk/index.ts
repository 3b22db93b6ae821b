// Risk scoring: configuration as validated data, window and day scores, CWA aggregates, F1/F2.
export * from './bluezone-level.js';
export * from './daily-summary.js';
export * from './diagnosis-mapping.js';
export * from './exposure-risk.js';
export * from './presets/index.js';
export * from './risk-configuration.js';
export * from './validate-risk-configuration.js';
export * from './window-score.js';
