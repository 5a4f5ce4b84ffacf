import { describe, expect, it } from 'vitest';
import { unlessSame } from './sameAnswer.js';

describe('unlessSame', () => {
  it('keeps the held object when the new answer reads the same', () => {
    const held = { phase: 'in', view: { names: [{ id: 's1', name: 'Ada' }] } };
    expect(unlessSame(held, { phase: 'in', view: { names: [{ id: 's1', name: 'Ada' }] } })).toBe(held);
  });

  it('takes the new answer when anything differs', () => {
    const held = { paused: false, names: ['Ada'] };
    const next = { paused: false, names: ['Ada', 'Grace'] };
    expect(unlessSame(held, next)).toBe(next);
    expect(unlessSame<object | null>(null, next)).toBe(next);
    expect(unlessSame<object | undefined>(held, undefined)).toBeUndefined();
  });
});
