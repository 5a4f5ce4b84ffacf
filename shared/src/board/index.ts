export * from './questionCard.js';
export * from './boardSchema.js';
