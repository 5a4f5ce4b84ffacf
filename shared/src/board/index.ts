export * from './questionCard.js';
export * from './boardSchema.js';
export * from './plainText.js';
export * from './critique.js';
export * from './representationType.js';
