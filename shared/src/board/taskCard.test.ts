import { describe, expect, it } from 'vitest';
import { createBoardSchema } from './boardSchema.js';
import { TASK_CARD_ID, taskCardRecord, taskCardSize } from './taskCard.js';

describe('the task card', () => {
  it('grows with the prompt, within bounds', () => {
    const short = taskCardSize('Compare 2/3 and 3/4.');
    const long = taskCardSize('Which is more, and how do you know? '.repeat(10));
    const paragraphs = taskCardSize('one\ntwo\nthree');
    expect(long.h).toBeGreaterThan(short.h);
    expect(paragraphs.h).toBeGreaterThan(short.h);
    expect(taskCardSize('x'.repeat(100_000)).h).toBeLessThanOrEqual(640);
  });

  it('sits where a fresh camera shows it, at its well-known id, locked, under everything, and is a valid record', () => {
    const card = taskCardRecord('Compare 2/3 and 3/4.');
    expect(card).toMatchObject({
      id: TASK_CARD_ID,
      isLocked: true,
      index: 'a0',
      props: { text: 'Compare 2/3 and 3/4.' },
    });
    expect(card.x).toBeGreaterThanOrEqual(0);
    expect(card.y + card.props.h).toBeLessThan(800);
    const schema = createBoardSchema();
    const type = (schema.types as Record<string, { validate(r: unknown): unknown }>).shape;
    expect(() => type?.validate(card)).not.toThrow();
  });
});
