export * from './schema.js';
export * from './latex.js';
export * from './boardContent.js';
export * from './matcher.js';
export * from './defaultSet.js';
export * from './alerts.js';
