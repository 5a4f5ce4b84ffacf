import { describe, expect, it } from 'vitest';
import { charGramHashes, extractFeatures } from './features.js';
import { fnv1a } from './hash.js';

describe('charGramHashes', () => {
  it('equals hashing each distinct padded 3–5-gram as "c:<gram>"', () => {
    const tokens = ['agree', 'is', 'agree', "don't"];
    const expected = new Set<number>();
    for (const t of tokens) {
      const w = ` ${t} `;
      for (let n = 3; n <= 5; n++)
        for (let i = 0; i + n <= w.length; i++) expected.add(fnv1a(`c:${w.slice(i, i + n)}`));
    }
    expect(new Set(charGramHashes(tokens))).toEqual(expected);
    expect(charGramHashes(tokens)).toHaveLength(expected.size);
  });
});

describe('extractFeatures', () => {
  const names = (text: string, context: { role: 'teacher' | 'student'; text: string }[] = []) =>
    extractFeatures({ role: 'teacher', text, context }).named.map((f) => f.name);

  it('sees words, word pairs, question form and cue phrases', () => {
    const n = names('Why do you agree with Maya?');
    expect(n).toEqual(
      expect.arrayContaining(['w:why', 'b:^_why', 'q:mark', 'q:form', 'has:name', 'cue:agree with']),
    );
  });

  it('sees numbers, fractions and variables as classes, written in digits or in words', () => {
    const words = names('I got nine halves, so x is 4.5.');
    expect(words).toEqual(
      expect.arrayContaining(['w:<num>', 'w:<frac>', 'w:<var>', 'b:got_<num>', 'w:nine', 'w:x', 'math:3+']),
    );
    expect(names('I got 9.')).toContain('b:got_<num>');
    // "one" and "a" stay words: "which one", "a table".
    expect(names('Which one is a table?')).toEqual(expect.arrayContaining(['b:which_one', 'w:a', 'math:1']));
  });

  it('measures overlap with the last contribution from the other role', () => {
    const repeat = names('Six eighths.', [{ role: 'student', text: 'Six eighths.' }]);
    expect(repeat).toEqual(expect.arrayContaining(['o:ov:all', 'o:dist:1', 'p:role:student']));
    const fresh = names('Open your books.', [{ role: 'student', text: 'Six eighths.' }]);
    expect(fresh).toContain('o:ov:0');
    expect(names('Open your books.')).toContain('ctx:none');
  });
});

describe('turnFeatures (through extractFeatures)', () => {
  const names = (text: string, context: { role: 'teacher' | 'student'; text: string }[]) =>
    extractFeatures({ role: 'teacher', text, context }).named.map((f) => f.name);

  it("reads the other role's whole turn, not only its last sentence", () => {
    const n = names('So you are saying six eighths equals three fourths.', [
      { role: 'teacher', text: 'Why are they the same?' },
      { role: 'student', text: 'I think six eighths equals three fourths.' },
      { role: 'student', text: 'Because you can halve both.' },
    ]);
    // The claim sits in the student's first sentence, so only the whole turn shows the overlap.
    expect(n).toEqual(
      expect.arrayContaining([
        't:pos:0',
        't:asks:false&s',
        't:cue:i think',
        't:cue:because',
        't:ov:all&pos:0&asks:false',
        'm:asks:true&t:asks:false',
      ]),
    );
    expect(n).toContain('o:ov:0');
  });

  it("counts the sentence's place in its own turn and has no turn features without the other role", () => {
    const n = names('Now open your books.', [
      { role: 'student', text: 'Six.' },
      { role: 'teacher', text: 'Good.' },
    ]);
    expect(n).toEqual(expect.arrayContaining(['t:pos:1', 'm:none']));
    expect(
      names('Hello.', [{ role: 'teacher', text: 'Good morning.' }]).some((f) => f.startsWith('t:')),
    ).toBe(false);
  });
});
