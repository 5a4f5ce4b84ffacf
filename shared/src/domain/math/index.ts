export * from './tokens.js';
export * from './functions.js';
export * from './parse.js';
export * from './compile.js';
export * from './ticks.js';
export * from './plot.js';
export * from './labelledItems.js';
export * from './simpleNumber.js';
