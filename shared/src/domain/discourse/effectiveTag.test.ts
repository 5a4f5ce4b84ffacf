import { describe, expect, it } from 'vitest';
import {
  effectiveMove,
  effectiveQuestion,
  effectiveQuestionType,
  type CorrectableTag,
} from './effectiveTag.js';

const untypedQuestion: CorrectableTag = {
  move: 'pressing_for_reasoning',
  questionType: null,
  question: true,
  corrected: null,
};

describe('the tag that counts', () => {
  it('is the model’s until the teacher corrects it', () => {
    expect(effectiveMove(untypedQuestion)).toBe('pressing_for_reasoning');
    expect(effectiveQuestionType(untypedQuestion)).toBeNull();
    expect(effectiveQuestion(untypedQuestion)).toBe(true);
  });

  it('is the correction’s: a new move can keep a question without a type, "not a question" unmakes it', () => {
    const kept = { move: 'revoicing', questionType: null, question: true };
    expect(effectiveMove({ ...untypedQuestion, corrected: kept })).toBe('revoicing');
    expect(effectiveQuestion({ ...untypedQuestion, corrected: kept })).toBe(true);
    const statement = { move: 'revoicing', questionType: null, question: false };
    expect(effectiveQuestion({ ...untypedQuestion, corrected: statement })).toBe(false);
    const typed = { move: 'revoicing', questionType: 'probing_thinking', question: true };
    expect(effectiveQuestionType({ ...untypedQuestion, corrected: typed })).toBe('probing_thinking');
  });
});
