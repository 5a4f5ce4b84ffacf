import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { STUDENT_MOVES, TEACHER_MOVES, TagResultSchema } from './labels.js';
import { tagContribution } from './tagger.js';
import { CLEAR_CASES } from './test/clearCases.js';
import { loadTalkMovesModel } from './modelFile.js';

describe('tagContribution with the committed model', () => {
  const model = loadTalkMovesModel(
    JSON.parse(readFileSync(new URL('../../../models/talkmoves.json', import.meta.url), 'utf8')),
  );

  it('has clear cases for every teacher and student move', () => {
    const covered = (role: string) => new Set(CLEAR_CASES.filter((c) => c.role === role).map((c) => c.move));
    expect([...covered('teacher')].sort()).toEqual([...TEACHER_MOVES].sort());
    expect([...covered('student')].sort()).toEqual([...STUDENT_MOVES].sort());
  });

  it.each(CLEAR_CASES.map((c) => [c.role, c.move, c.text, c] as const))('%s %s: %s', (_r, move, _t, c) => {
    const result = tagContribution(model, c);
    expect(TagResultSchema.parse(result)).toEqual(result);
    expect(result.move).toBe(move);
    expect(result.confidence).toBeGreaterThan(0.3);
  });

  it('explains a decision with readable cues', () => {
    const result = tagContribution(model, {
      role: 'student',
      text: 'I agree with Maya because both fractions equal 3/4.',
      context: [{ role: 'student', text: 'I think 6/8 and 3/4 are the same.' }],
    });
    expect(result.cues.length).toBeGreaterThan(0);
    expect(result.cues.join(' ')).toContain('agree');
    expect(result.cues.every((c) => !c.includes(':') || /^[a-z ]+: "/.test(c))).toBe(true);
  });

  it('leaves cues out when asked, with the same move and confidence', () => {
    const input = { role: 'teacher' as const, text: 'Why do you think that?' };
    const full = tagContribution(model, input);
    const bare = tagContribution(model, input, { cues: false });
    expect(bare).toEqual({ ...full, cues: [] });
  });

  it('gives a question type to questions only', () => {
    expect(
      tagContribution(model, { role: 'teacher', text: 'How do you know it always works?' }).questionType,
    ).toBe('encouraging_reflection_and_justification');
    expect(tagContribution(model, { role: 'student', text: 'The answer is 12.' }).questionType).toBeNull();
  });

  it('shows a question without a type when its type is below the trusted confidence', () => {
    const input = { role: 'teacher' as const, text: 'How do you know it always works?' };
    const typed = tagContribution(model, input, { cues: false });
    expect(typed).toMatchObject({ question: true, questionType: 'encouraging_reflection_and_justification' });
    expect(typed.questionTypeConfidence).toBeGreaterThanOrEqual(model.file.questionTypes.abstainBelow);
    const withheld = tagContribution(model, input, { cues: false, abstainBelow: 1.01 });
    expect(withheld).toEqual({ ...typed, questionType: null });
    const statement = tagContribution(model, { role: 'student', text: 'It is 12.' }, { cues: false });
    expect(statement).toMatchObject({ question: false, questionType: null, questionTypeConfidence: null });
  });

  it('reads what follows a contribution when it is given', () => {
    const claim = { role: 'student' as const, text: 'It is 3/4.', context: [] };
    const alone = tagContribution(model, claim, { cues: false });
    const followed = tagContribution(
      model,
      { ...claim, next: [{ role: 'teacher', text: 'Why is it 3/4?' }] },
      { cues: false },
    );
    expect(followed.confidence).not.toBe(alone.confidence);
    expect(tagContribution(model, { ...claim, next: [] }, { cues: false })).toEqual(alone);
  });

  it('rejects input outside the schema', () => {
    expect(() => tagContribution(model, { role: 'parent' as 'teacher', text: 'hi' })).toThrow();
  });

  it('is deterministic and confidences are probabilities', () => {
    const input = { role: 'student' as const, text: 'What do you mean by unit rate?' };
    const a = tagContribution(model, input);
    expect(tagContribution(model, input)).toEqual(a);
    expect(a.confidence).toBeGreaterThan(0);
    expect(a.confidence).toBeLessThanOrEqual(1);
  });
});
