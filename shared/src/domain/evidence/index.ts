export * from './participation.js';
export * from './replay.js';
