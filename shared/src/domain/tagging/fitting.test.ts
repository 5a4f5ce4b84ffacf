import { describe, expect, it } from 'vitest';
import { bagSeed, bothWays, fitSoftmax, heldLogits, type FitOptions } from './fitting.js';
import { vectorize } from './model.js';

const BITS = 10;
const vec = (words: string[]) =>
  vectorize({ named: words.map((name) => ({ name, value: 1 })), charHashes: [] }, BITS);
const toy = Array.from({ length: 90 }, (_, i) => ({
  x: vec([['okay', 'because', 'agree'][i % 3]!, `w${i % 7}`]),
  y: i % 3,
  ...(i % 2 === 0 ? { extra: vec([`next${i % 3}`]) } : {}),
}));
const options: FitOptions = {
  hashBits: BITS,
  learningRate: 0.2,
  classWeightPower: 0.5,
  seed: 3,
  epochs: 3,
  averageLast: 2,
  nextKeep: 0.5,
};

describe('fitSoftmax', () => {
  it("returns the mean of the last epochs' weights, or the last epoch's", () => {
    const snapshots: Float32Array[] = [];
    const averaged = fitSoftmax(toy, 3, options, (_, last) => snapshots.push(last(1).weights.slice()));
    const plain = fitSoftmax(toy, 3, { ...options, averageLast: 1 });
    expect(plain.weights).toEqual(snapshots[2]);
    const at = snapshots[1]!.findIndex((w, i) => w !== snapshots[2]![i]);
    expect(averaged.weights[at]).toBeCloseTo((snapshots[1]![at]! + snapshots[2]![at]!) / 2, 6);
  });

  it('gives epoch e the same weights whatever the number of epochs', () => {
    const first: Float32Array[] = [];
    fitSoftmax(toy, 3, { ...options, epochs: 2 }, (_, last) => first.push(last(1).weights.slice()));
    const longer: Float32Array[] = [];
    fitSoftmax(toy, 3, { ...options, epochs: 4 }, (_, last) => longer.push(last(1).weights.slice()));
    expect(longer.slice(0, 2)).toEqual(first);
  });

  it('keeps weights smaller with label smoothing (targets are never one-hot)', () => {
    const sharp = fitSoftmax(toy, 3, options);
    const smooth = fitSoftmax(toy, 3, { ...options, labelSmoothing: 0.2 });
    const norm = (w: Float32Array) => w.reduce((s, v) => s + v * v, 0);
    expect(norm(smooth.weights)).toBeLessThan(norm(sharp.weights));
  });
});

describe('fitSoftmax with a bag of shuffle seeds', () => {
  it("ships the mean of the members' weights, each trained alone on its own seed", () => {
    const bagged = fitSoftmax(toy, 3, { ...options, bag: 2 });
    const first = fitSoftmax(toy, 3, options);
    const second = fitSoftmax(toy, 3, { ...options, seed: bagSeed(options.seed, 1) });
    expect(second.weights).not.toEqual(first.weights);
    // The mean is stored as float32: within half a unit in the last place of the exact mean.
    const gap = bagged.weights.reduce(
      (max, w, i) => Math.max(max, Math.abs(w - (first.weights[i]! + second.weights[i]!) / 2)),
      0,
    );
    expect(gap).toBeLessThan(1e-6);
    expect(Array.from(bagged.bias)).toEqual(
      Array.from(first.bias).map((b, c) => b / 2 + second.bias[c]! / 2),
    );
  });

  it('is the plain model with a bag of one, and the same weights on every run', () => {
    expect(fitSoftmax(toy, 3, { ...options, bag: 1 })).toEqual(fitSoftmax(toy, 3, options));
    expect(fitSoftmax(toy, 3, { ...options, bag: 3 })).toEqual(fitSoftmax(toy, 3, { ...options, bag: 3 }));
    expect(bagSeed(options.seed, 0)).toBe(options.seed);
    expect(new Set([0, 1, 2].map((m) => bagSeed(options.seed, m))).size).toBe(3);
  });

  it("averages the bag's mean over the last epochs as it does one model's", () => {
    const perEpoch: Float32Array[] = [];
    const averaged = fitSoftmax(toy, 3, { ...options, bag: 2 }, (_, last) =>
      perEpoch.push(last(1).weights.slice()),
    );
    const plain = fitSoftmax(toy, 3, { ...options, bag: 2, averageLast: 1 });
    expect(plain.weights).toEqual(perEpoch[2]);
    const at = perEpoch[1]!.findIndex((w, i) => w !== perEpoch[2]![i]);
    expect(averaged.weights[at]).toBeCloseTo((perEpoch[1]![at]! + perEpoch[2]![at]!) / 2, 6);
  });
});

describe('heldLogits and bothWays', () => {
  it('scores each example without, and when something follows, with the next utterance', () => {
    const weights = fitSoftmax(toy, 3, options);
    const held = heldLogits({ labels: ['a', 'b', 'c'], ...weights }, toy.slice(0, 4));
    expect(held.withNext[1]).toBe(held.withoutNext[1]);
    expect(held.withNext[0]).not.toEqual(held.withoutNext[0]);
    const both = bothWays(held);
    expect(both.gold).toEqual([0, 1, 2, 0, 0, 2]);
    expect(both.logits).toHaveLength(6);
  });
});
