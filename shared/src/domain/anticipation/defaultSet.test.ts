import { describe, expect, it } from 'vitest';
import { anticipationsForTask, DEFAULT_ANTICIPATIONS, DEFAULT_TASK, isSampleTask } from './defaultSet.js';

describe('the anticipations a class starts with', () => {
  it('are the sample set for the sample task, however its prompt is worded', () => {
    for (const prompt of [
      DEFAULT_TASK.prompt,
      'Which is the better deal: 3 pens for $2 or 5 pens for $3?',
      'Is 5 pens for $3.00 a better buy than 3 pens for $2.00?',
    ]) {
      expect(isSampleTask(prompt), prompt).toBe(true);
      expect(anticipationsForTask(prompt)).toBe(DEFAULT_ANTICIPATIONS);
    }
  });

  it('are none for any other task, even one about deals or pens', () => {
    for (const prompt of [
      '',
      'Which is the better deal?',
      'Solve 3x + 2 = 5 in two different ways.',
      'Store A sells 4 pens for $3. Store B sells 6 pens for $5. Which is the better deal?',
      '3 pens for $2 — how much for 12 pens?',
    ])
      expect(anticipationsForTask(prompt), prompt).toEqual([]);
  });
});
