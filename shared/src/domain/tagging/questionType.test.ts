import { describe, expect, it } from 'vitest';
import { classifyQuestion, isQuestion } from './questionType.js';

// Hand-written for the rules' intent; the frozen check set (checkset/) is only for measurement.
describe('classifyQuestion', () => {
  it.each([
    ['What is 5 times 6?', 'gathering_information'],
    ['Which graph shows the cost of 3 pounds of apples?', 'gathering_information'],
    ['How did you get 24 for the total?', 'probing_thinking'],
    ['Explain the first step you took.', 'probing_thinking'],
    ['How is the table connected to the equation y = 2x?', 'making_the_mathematics_visible'],
    ['What does the slope mean in this story?', 'making_the_mathematics_visible'],
    ['How do you know the ratios are equivalent?', 'encouraging_reflection_and_justification'],
    ['Will that work for every even number?', 'encouraging_reflection_and_justification'],
  ] as const)('%s → %s', (text, type) => {
    expect(classifyQuestion(text)?.questionType).toBe(type);
  });

  it('returns null for a statement and names the words that decided', () => {
    expect(classifyQuestion('The answer is 12.')).toBeNull();
    expect(classifyQuestion('Does this always work?')?.cue).toBe('always');
    expect(classifyQuestion('What is 5 times 6?')?.cue).toBeNull();
  });
});

describe('isQuestion', () => {
  it('sees question marks, interrogative openings and prompts', () => {
    expect(isQuestion('It is 3/4?')).toBe(true);
    expect(isQuestion('why did you divide by 2')).toBe(true);
    expect(isQuestion('Tell us how you found the slope.')).toBe(true);
    expect(isQuestion('I divided by 2.')).toBe(false);
    expect(isQuestion('Is')).toBe(false);
  });
});
