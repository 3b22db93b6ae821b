export * from './interval.js';
