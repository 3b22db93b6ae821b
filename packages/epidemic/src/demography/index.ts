export * from './place-profile.js';
