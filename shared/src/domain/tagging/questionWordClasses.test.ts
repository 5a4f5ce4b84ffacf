import { describe, expect, it } from 'vitest';
import { extractQuestionFeatures } from './questionFeatures.js';
import { wordClass } from './questionWordClasses.js';

const names = (text: string) =>
  new Set(extractQuestionFeatures({ role: 'teacher', text }).named.map((f) => f.name));

describe('wordClass', () => {
  it('puts different phrasings of the same request in one class', () => {
    expect(wordClass('figure')).toBe(wordClass('get'));
    expect(wordClass('represent')).toBe(wordClass('stand'));
    expect(wordClass('prove')).toBe(wordClass('justify'));
    expect(wordClass('12')).toBe('NUM');
    expect(wordClass('banana')).toBeNull();
  });
});

describe('the class features of a question', () => {
  it('let two authors\u2019 ways of asking for the steps share what they ask for', () => {
    const a = names("How'd you figure out the missing side?");
    const b = names('How did you get 18?');
    const shared = [...a].filter((n) => /^k[1bc]:/.test(n) && b.has(n));
    expect(shared).toEqual(expect.arrayContaining(['k1:HOW', 'kb:YOU_DO']));
  });

  it('read what the asking clause asks for, not the sentence before it', () => {
    const f = names('We have the graph and the table. Where is the fee in each of them?');
    expect(f.has('k1:WHERE')).toBe(true);
  });
});
