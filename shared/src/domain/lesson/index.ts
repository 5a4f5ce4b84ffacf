export * from './attention.js';
export * from './fitCamera.js';
