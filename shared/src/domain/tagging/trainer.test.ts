import { describe, expect, it } from 'vitest';
import { vectorize } from './model.js';
import { balancedClassWeights, SoftmaxTrainer, tuneOffsets } from './trainer.js';

const BITS = 12;
const toy = [
  ...Array.from({ length: 60 }, (_, i) => ({ words: ['because', `w${i % 5}`], y: 1 })),
  ...Array.from({ length: 60 }, (_, i) => ({ words: ['agree', `w${i % 5}`], y: 2 })),
  ...Array.from({ length: 180 }, (_, i) => ({ words: ['okay', `w${i % 5}`], y: 0 })),
].map((e) => ({
  x: vectorize({ named: e.words.map((name) => ({ name, value: 1 })), charHashes: [] }, BITS),
  y: e.y,
}));

function train(seed: number): SoftmaxTrainer {
  const t = new SoftmaxTrainer({
    classes: 3,
    hashBits: BITS,
    learningRate: 0.2,
    classWeights: [1, 1, 1],
    seed,
  });
  for (let e = 0; e < 3; e++) t.epoch(toy);
  return t;
}

describe('SoftmaxTrainer', () => {
  it('learns a separable toy problem', () => {
    const t = train(1);
    const argmax = (l: Float64Array) => l.indexOf(Math.max(...l));
    expect(toy.every((e) => argmax(t.logits(e.x)) === e.y)).toBe(true);
  });

  it('is reproducible from its seed', () => {
    expect(train(7).weights).toEqual(train(7).weights);
    expect(train(7).weights).not.toEqual(train(8).weights);
  });
});

describe('balancedClassWeights', () => {
  it('lifts rare classes by (n_max / n_c)^power', () => {
    expect(balancedClassWeights([0, 0, 0, 0, 1], 2, 0.5)).toEqual([1, 2]);
    expect(balancedClassWeights([0, 0, 1], 3, 1)).toEqual([1, 2, 1]);
  });
});

describe('tuneOffsets', () => {
  it('moves a threshold to recover a class the raw argmax never predicts', () => {
    const logits = [0.2, 0.4, 0.6, 0.8].map((v) => Float64Array.from([1, v]));
    const gold = [0, 0, 1, 1];
    const accuracy = (p: number[]) => p.filter((y, i) => y === gold[i]).length / gold.length;
    const offsets = tuneOffsets(logits, 2, accuracy);
    expect(offsets[0]).toBe(0);
    const predicted = logits.map((l) => (l[1]! + offsets[1]! > l[0]! ? 1 : 0));
    expect(predicted).toEqual(gold);
  });
});
