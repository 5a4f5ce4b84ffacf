export * from './protocol/index.js';
export * from './domain/userColor.js';
