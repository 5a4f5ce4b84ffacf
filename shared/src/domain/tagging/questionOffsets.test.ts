import { describe, expect, it } from 'vitest';
import { macroF1OfIndices } from './metrics.js';
import { fitQuestionOffsets, nestedOffsetLogits, withOffsets } from './questionOffsets.js';
import { argmax } from './trainer.js';

// Two classes; the model leans to class 0: every class-1 question scores 0.3 under class 0.
const lean = (gold: number, i: number): Float64Array =>
  Float64Array.from(gold === 1 ? [0.3, 0] : [0.5 + (i % 3) * 0.1, 0]);
const gold = [0, 0, 0, 1, 1, 0, 1, 0, 1, 0, 0, 1];
const logits = gold.map(lean);
const f1 = macroF1OfIndices(gold, 2);

describe('fitQuestionOffsets', () => {
  it('moves the decision boundary to where macro-F1 is best', () => {
    const offsets = fitQuestionOffsets(logits, gold, 2);
    expect(offsets[0]).toBe(0);
    expect(f1(logits.map((l) => argmax(l)))).toBeLessThan(1);
    expect(f1(logits.map((l) => argmax(withOffsets(l, offsets))))).toBe(1);
  });

  it('tunes only on the questions it is told to use, and leaves zeros when there are none', () => {
    expect(fitQuestionOffsets(logits, gold, 2, () => false)).toEqual([0, 0]);
    // Only class-0 questions: no offset can do better than none, so none is kept.
    expect(fitQuestionOffsets(logits, gold, 2, (i) => gold[i] === 0)).toEqual([0, 0]);
  });
});

describe('nestedOffsetLogits', () => {
  const folds = gold.map((_, i) => (i < 6 ? 'a' : 'b'));

  it('adjusts each fold with offsets that never saw its labels', () => {
    const nested = nestedOffsetLogits(logits, gold, folds, 2);
    // Flipping fold a's labels changes nothing in fold a's adjusted logits (its offsets come from fold b).
    const flipped = gold.map((g, i) => (folds[i] === 'a' ? 1 - g : g));
    const again = nestedOffsetLogits(logits, flipped, folds, 2);
    for (let i = 0; i < 6; i++) expect(again[i]).toEqual(nested[i]);
    expect(f1(nested.map((l) => argmax(l)))).toBe(1);
  });

  it('does not change the logits it is given', () => {
    const before = logits.map((l) => l.slice());
    nestedOffsetLogits(logits, gold, folds, 2);
    expect(logits).toEqual(before);
  });
});
