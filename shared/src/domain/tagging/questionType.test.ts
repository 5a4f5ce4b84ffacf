import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadTalkMovesModel } from './modelFile.js';
import { classifyQuestion, isQuestion } from './questionType.js';

const model = loadTalkMovesModel(
  JSON.parse(readFileSync(new URL('../../../models/talkmoves.json', import.meta.url), 'utf8')),
);

// Hand-written clear cases in the guide's sense (docs/tagging.md); the frozen held-out set is only for measurement.
describe('classifyQuestion with the committed model', () => {
  it.each([
    ['What is 5 times 6?', 'gathering_information'],
    ['How many sides does a pentagon have?', 'gathering_information'],
    ['How did you get 24 for the total?', 'probing_thinking'],
    ['Can you explain the first step you took?', 'probing_thinking'],
    ['How is the table connected to the equation y = 2x?', 'making_the_mathematics_visible'],
    ['What does the slope mean in this situation?', 'making_the_mathematics_visible'],
    ['How do you know the ratios are equivalent?', 'encouraging_reflection_and_justification'],
    ['Will that work for every even number?', 'encouraging_reflection_and_justification'],
  ] as const)('%s → %s', (text, type) => {
    const result = classifyQuestion(model, { role: 'teacher', text }, 0);
    expect(result?.best).toBe(type);
    expect(result?.questionType).toBe(type);
    expect(result?.confidence).toBeGreaterThan(0.25);
  });

  it('returns null for a statement, and withholds a type below the threshold', () => {
    expect(classifyQuestion(model, { role: 'student', text: 'The answer is 12.' })).toBeNull();
    const sure = classifyQuestion(model, { role: 'teacher', text: 'Why does that always work?' }, 0)!;
    const withheld = classifyQuestion(model, { role: 'teacher', text: 'Why does that always work?' }, 1.01)!;
    expect(withheld.questionType).toBeNull();
    expect(withheld.best).toBe(sure.best);
    expect(withheld.confidence).toBe(sure.confidence);
  });
});

describe('isQuestion', () => {
  it('sees question marks, interrogative openings and task prompts', () => {
    expect(isQuestion('It is 3/4?')).toBe(true);
    expect(isQuestion('why did you divide by 2')).toBe(true);
    expect(isQuestion('Tell us how you found the slope.')).toBe(true);
    expect(isQuestion('Find the value of x.')).toBe(true);
    expect(isQuestion('Here is the table. Describe the pattern.')).toBe(true);
    expect(isQuestion('Okay, so explain your steps.')).toBe(true);
    expect(isQuestion('Devon, walk us through your proof.')).toBe(true);
    expect(isQuestion('In your own words, describe what you did.')).toBe(true);
    expect(isQuestion('wait whats 7 times 8')).toBe(true);
    expect(isQuestion('Interpret the slope in the context of the problem.')).toBe(true);
    expect(isQuestion('So, I think we are done.')).toBe(false);
    expect(isQuestion('I divided by 2.')).toBe(false);
    expect(isQuestion('Is')).toBe(false);
  });
});
