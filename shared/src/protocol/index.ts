export * from './result.js';
export * from './version.js';
export * from './ids.js';
export * from './rest.js';
export * from './yjs.js';
export * from './events.js';
export * from './classroom.js';
export * from './snapshots.js';
