export * from './labels.js';
export { loadTalkMovesModel, TalkMovesModelFileSchema, MODEL_FORMAT } from './modelFile.js';
export type { TalkMovesModel, TalkMovesModelFile } from './modelFile.js';
export type { RoleMetrics } from './model.js';
export { tagContribution, MAX_CUES } from './tagger.js';
export type { TagOptions } from './tagger.js';
export { classifyQuestion, isQuestion } from './questionType.js';
export { explainTag } from './tagExplanation.js';
export type { TagExplanation, TextSpan } from './tagExplanation.js';
