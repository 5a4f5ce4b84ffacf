import { describe, expect, it } from 'vitest';
import { AnswerQuestionSchema, DisplayNameSchema } from './classroom.js';
import { clientEventSchemas } from './events.js';
import { ReflectionInputSchema } from './reflections.js';

const RLO = '\u202e'; // RIGHT-TO-LEFT OVERRIDE: "I agree" + RLO + "tnemugra" reads "I agree argument" reversed
const DIRECTION_CONTROLS = [
  ...Array.from({ length: 5 }, (_, i) => String.fromCharCode(0x202a + i)),
  ...Array.from({ length: 4 }, (_, i) => String.fromCharCode(0x2066 + i)),
];
const critique = (text: string) =>
  clientEventSchemas.postCritique.safeParse({
    boardId: 'b'.repeat(16),
    shapeId: 'shape:x',
    stance: 'agree',
    text,
  });

// Display names refused text-direction controls; answers, critiques and reflections — read by the teacher,
// classmates and the projector — took them: a critique with U+202E read reversed on every screen.
describe('free text a student writes for others to read', () => {
  it('loses every text-direction control and invisible control character, and keeps what was written', () => {
    for (const control of DIRECTION_CONTROLS) {
      const parsed = critique(`I agree ${control}because 2/3 > 3/5`);
      expect(parsed.success && parsed.data.text).toBe('I agree because 2/3 > 3/5');
    }
    const answer = AnswerQuestionSchema.parse({ questionId: 'q1', text: `x\u0000y\u0007${RLO}z\u009b` });
    expect(answer.text).toBe('xyz');
    const reflection = ReflectionInputSchema.parse({ worked: `${RLO}drawing it`, change: `a\u2067b\u2069` });
    expect(reflection).toMatchObject({ worked: 'drawing it', change: 'ab' });
  });

  it('keeps what honest writing uses: line breaks, tabs, right-to-left letters and marks, joiners', () => {
    const text = 'سعر القلم\u200f 0.67\nשלוש\tעטים\u200e — 👩\u200d🏫 می\u200cخواهم';
    expect(AnswerQuestionSchema.parse({ questionId: 'q1', text }).text).toBe(text);
  });

  it('a text of nothing but controls is empty, and refused as such', () => {
    expect(critique(`${RLO}\u2066 `).error?.issues[0]?.message).toBe('write something');
    expect(AnswerQuestionSchema.safeParse({ questionId: 'q1', text: RLO }).error?.issues[0]?.message).toBe(
      'write an answer',
    );
  });

  it('names still refuse them, by the same rule', () => {
    for (const control of DIRECTION_CONTROLS)
      expect(DisplayNameSchema.safeParse(`Ana${control}`).error?.issues[0]?.message).toBe(
        'a name cannot contain text-direction controls',
      );
  });
});
