export * from './schema.js';
export * from './plan.js';
export * from './follow.js';
