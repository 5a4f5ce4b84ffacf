import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadTalkMovesModel } from './modelFile.js';
import { explainTag } from './tagExplanation.js';
import { tagContribution } from './tagger.js';

const marked = (text: string, cues: string[]) =>
  explainTag(text, cues).spans.map((s) => text.slice(s.start, s.end));

describe('explainTag', () => {
  it('marks the words of the contribution that the cues quote, as the student wrote them', () => {
    const text = 'I Agree with Maya, it is 12';
    expect(marked(text, ['"agree"', '"i agree"', 'starts with "i agree"', '"agree with"'])).toEqual([
      'I Agree with',
    ]);
  });

  it('reads the classes of numbers and fractions back into the numbers written', () => {
    const text = 'The answer is 3/4 because twelve is a number';
    expect(marked(text, ['"is a fraction"', '"because a number"', 'ends with "a number"'])).toEqual([
      'is 3/4 because twelve',
      'a number',
    ]);
  });

  // "Dividing" and "the price" as two marks read as two reasons; "2 is" in "$2 is" as a cut word
  it('joins marks with only a space between them, and never cuts a word or a price', () => {
    expect(marked('Dividing the price by the pens', ['"dividing"', '"the price"'])).toEqual([
      'Dividing the price',
    ]);
    expect(marked('3 pens for $2 is better, so 3x is more', ['"a number is"', '"x"'])).toEqual([
      '$2 is',
      '3x',
    ]);
    expect(marked('Does it work?', ['"work"', 'question mark'])).toEqual(['work?']);
    expect(marked('it works? Why', ['question mark'])).toEqual(['?']);
  });

  it('marks a question mark and a question type\'s words, and only the opening for "starts with"', () => {
    const text = 'Why do you think that works? Why?';
    expect(
      marked(text, [
        'starts with "why"',
        'question mark',
        'encouraging reflection and justification: "think that"',
      ]),
    ).toEqual(['Why', 'think that', '?', '?']);
  });

  it('says where the contribution sits in the talk in plain clauses, and drops what a teacher cannot check', () => {
    const explanation = explainTag('So you said the slope is 2?', [
      'phrased as a question',
      'repeats most words of the last contribution from the other role',
      'follows a student',
      '5-8 words long',
      'probing thinking: "your thinking"',
      'previous contribution says "slope"',
    ]);
    expect(explanation).toEqual({
      spans: [],
      reasons: [
        'is phrased as a question',
        'repeats most words of the last contribution from the other role',
        'comes right after the student',
        'follows a contribution with “slope” in it',
      ],
    });
  });

  // A reflection is tagged against its prompt, which the tagger reads as the teacher's last line: "comes
  // right after the teacher" and "a contribution" named the prompt as something somebody said in the lesson.
  it('names the prompt a reflection answers as the reflection prompt, not a contribution or the teacher', () => {
    const explanation = explainTag(
      'Try it with 7 pens',
      [
        'follows a teacher',
        "answers a teacher's question",
        'previous contribution says "what"',
        'shares no words with the last contribution from the other role',
        'repeats most words of the previous contribution',
      ],
      'reflection',
    );
    expect(explanation.reasons).toEqual([
      'answers a reflection prompt with “what” in it',
      'shares no words with the reflection prompt',
      'repeats most words of the reflection prompt',
    ]);
    expect(explanation.reasons.join(' ')).not.toMatch(/contribution|teacher/);
    expect(explainTag('Try it', ['follows a teacher'], 'reflection').reasons).toEqual([
      'answers the reflection prompt',
    ]);
  });

  it("finds the student's words for the committed model's cues", () => {
    const model = loadTalkMovesModel(
      JSON.parse(readFileSync(new URL('../../../models/talkmoves.json', import.meta.url), 'utf8')),
    );
    const text = 'I agree with Maya, it is 12';
    const { cues } = tagContribution(model, {
      role: 'student',
      text,
      context: [{ role: 'student', text: 'It is 12 because 3 times 4 is 12' }],
    });
    expect(marked(text, cues)).toContain('I agree with');
  });
});
