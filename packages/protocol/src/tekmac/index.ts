export * from './tekmac.js';
