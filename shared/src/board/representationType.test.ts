import { describe, expect, it } from 'vitest';
import { describeRepresentations, representationType } from './representationType.js';

const withText = (type: string, text: string) => ({
  typeName: 'shape',
  type,
  props: { richText: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] } },
});

describe('representation types', () => {
  it('reads the kind of shape', () => {
    expect(representationType({ typeName: 'shape', type: 'draw', props: {} })?.type).toBe('visual');
    expect(representationType({ typeName: 'shape', type: 'number-line', props: {} })?.type).toBe('visual');
    expect(representationType({ typeName: 'shape', type: 'equation', props: {} })?.type).toBe('symbolic');
    expect(representationType({ typeName: 'shape', type: 'fraction-bar', props: {} })?.type).toBe('physical');
    expect(representationType({ typeName: 'shape', type: 'geo', props: {} })?.type).toBe('visual');
  });

  it('reads the content of texts and notes', () => {
    expect(representationType(withText('note', '3/4 = 9/12 > 8/12'))?.type).toBe('symbolic');
    expect(
      representationType(withText('text', 'I think the second one is bigger because the parts are larger'))
        ?.type,
    ).toBe('verbal');
    expect(representationType(withText('note', 'The 12-pack costs $3 so each can is 25 cents'))?.type).toBe(
      'contextual',
    );
    expect(representationType(withText('note', 'x + 2 = 5'))?.type).toBe('symbolic');
  });

  it('ignores records that are not posted items', () => {
    expect(representationType({ typeName: 'page' })).toBeNull();
    expect(representationType({ typeName: 'shape', type: 'frame', props: {} })).toBeNull();
    expect(representationType(null)).toBeNull();
  });

  it('says why', () => {
    expect(representationType(withText('note', 'buy 3 pizzas'))?.reason).toMatch(/buy|pizza/);
  });
});

describe('describeRepresentations', () => {
  it('lists the types present in a fixed order, and a dash for an empty board', () => {
    expect(describeRepresentations({ symbolic: 1, visual: 3 })).toBe('3 visual, 1 symbolic');
    expect(describeRepresentations({ physical: 2, verbal: 0 })).toBe('2 manipulative');
    expect(describeRepresentations({})).toBe('—');
  });
});

describe('the teacher’s cards', () => {
  it('are not posted items: no representation type for the task card or a question card', () => {
    const card = (type: string) => ({
      typeName: 'shape',
      type,
      props: { text: 'Which is the better deal?' },
    });
    expect(representationType(card('task-card'))).toBeNull();
    expect(representationType(card('question-card'))).toBeNull();
  });
});
