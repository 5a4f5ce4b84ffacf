import { describe, expect, it } from 'vitest';
import { classificationReport } from './metrics.js';

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
