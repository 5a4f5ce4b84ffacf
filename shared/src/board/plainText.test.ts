import { describe, expect, it } from 'vitest';
import { recordText, richTextToPlain } from './plainText.js';

const doc = (...paragraphs: string[]) => ({
  type: 'doc',
  content: paragraphs.map((t) => ({ type: 'paragraph', content: [{ type: 'text', text: t }] })),
});

describe('plain text of board records', () => {
  it('joins paragraphs with line breaks', () => {
    expect(richTextToPlain(doc('I think 3/4 is bigger', 'because 9/12 > 8/12'))).toBe(
      'I think 3/4 is bigger\nbecause 9/12 > 8/12',
    );
  });

  it('reads note, text and geo labels; ignores shapes without text', () => {
    expect(recordText({ typeName: 'shape', type: 'note', props: { richText: doc('Same ratio!') } })).toBe(
      'Same ratio!',
    );
    expect(recordText({ typeName: 'shape', type: 'geo', props: { richText: doc('') } })).toBeNull();
    expect(recordText({ typeName: 'page', props: {} })).toBeNull();
  });

  it('survives hostile trees (cycles of depth, wrong types)', () => {
    let deep: unknown = { type: 'text', text: 'x' };
    for (let i = 0; i < 10_000; i++) deep = { type: 'paragraph', content: [deep] };
    expect(() => richTextToPlain(deep)).not.toThrow();
    expect(richTextToPlain({ content: 'not an array', text: 42 })).toBe('');
  });
});
