export * from './attenuation.js';
