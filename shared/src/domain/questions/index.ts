export * from './nextQuestions.js';
