import { describe, expect, it } from 'vitest';
import { KeyedBudget } from './keyedBudget.js';

describe('KeyedBudget', () => {
  it('keeps a bucket per key, charged per key', () => {
    let time = 0;
    const budget = new KeyedBudget(1, 3, () => time);
    expect(budget.take('mallory')).toBe(true);
    budget.charge('mallory', 5);
    expect(budget.take('mallory')).toBe(false);
    expect(budget.take('ben')).toBe(true);
    time += 4_000;
    expect(budget.take('mallory')).toBe(true);
  });

  it('forgets only buckets that have refilled: many new keys never give a spent key its budget back', () => {
    let time = 0;
    const budget = new KeyedBudget(1, 2, () => time, 2);
    expect([budget.take('mallory'), budget.take('mallory'), budget.take('mallory')]).toEqual([
      true,
      true,
      false,
    ]);
    time += 1_500; // ben's and cleo's buckets refill, mallory's not yet
    for (const key of ['ben', 'cleo', 'dev', 'eve', 'fay']) expect(budget.take(key)).toBe(true);
    time += 400;
    expect(budget.take('mallory')).toBe(true); // the one token earned in 1.9 s, not a fresh burst
    expect(budget.take('mallory')).toBe(false);
  });
});
