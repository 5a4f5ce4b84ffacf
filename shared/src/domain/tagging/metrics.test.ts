import { describe, expect, it } from 'vitest';
import { classificationReport, confusionMatrix, macroF1OfIndices } from './metrics.js';

describe('classificationReport', () => {
  it('computes per-class F1 and the macro average over all labels, none included', () => {
    const gold = ['none', 'none', 'a', 'a', 'b'];
    const predicted = ['none', 'a', 'a', 'none', 'none'];
    const r = classificationReport(['none', 'a', 'b'], gold, predicted);
    expect(r.perClass.none).toEqual({ precision: 1 / 3, recall: 1 / 2, f1: 0.4, support: 2 });
    expect(r.perClass.a!.f1).toBeCloseTo(0.5, 12);
    expect(r.perClass.b).toEqual({ precision: 0, recall: 0, f1: 0, support: 1 });
    expect(r.macroF1).toBeCloseTo(0.3, 12);
    expect(r.accuracy).toBeCloseTo(0.4, 12);
  });
});

describe('macroF1OfIndices', () => {
  it('agrees with the classification report on the same predictions', () => {
    const gold = [0, 0, 1, 1, 2];
    const predicted = [0, 1, 1, 0, 0];
    expect(macroF1OfIndices(gold, 3)(predicted)).toBeCloseTo(0.3, 12);
    expect(confusionMatrix(gold, predicted, 3)).toEqual([
      [1, 1, 0],
      [1, 1, 0],
      [1, 0, 0],
    ]);
  });
});
