export * from './schema.js';
export * from './plan.js';
