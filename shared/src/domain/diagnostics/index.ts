export * from './itemBank.js';
export * from './defaultBank.js';
export * from './profile.js';
export * from './features.js';
export * from './summary.js';
export * from './portrait.js';
