export * from './nextQuestions.js';
export * from './answerLimits.js';
