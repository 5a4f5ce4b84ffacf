export * from './protocol/index.js';
export * from './domain/userColor.js';
export * from './domain/roles.js';
export * from './domain/joinCode.js';
export * from './domain/tagging/index.js';
export * from './domain/pseudonyms.js';
export * from './domain/discourse/index.js';
