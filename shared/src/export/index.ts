export * from './csv.js';
export * from './csvTables.js';
export * from './tldrFile.js';
export * from './fileStem.js';
