export * from './myWorkDocument.js';
