export * from './contrast.js';
export * from './latexSpeech.js';
