import type { RoleMetrics } from './model.js';

/** Per-class precision/recall/F1 and macro-F1 over all labels (`none` included), from counts only. */
export function classificationReport(
  labels: readonly string[],
  gold: readonly string[],
  predicted: readonly string[],
): RoleMetrics {
  const tp = new Map<string, number>();
  const fp = new Map<string, number>();
  const fn = new Map<string, number>();
  let correct = 0;
  for (let i = 0; i < gold.length; i++) {
    const g = gold[i]!;
    const p = predicted[i]!;
    if (g === p) {
      correct++;
      tp.set(g, (tp.get(g) ?? 0) + 1);
    } else {
      fp.set(p, (fp.get(p) ?? 0) + 1);
      fn.set(g, (fn.get(g) ?? 0) + 1);
    }
  }
  const perClass: RoleMetrics['perClass'] = {};
  let sumF1 = 0;
  for (const label of labels) {
    const t = tp.get(label) ?? 0;
    const precisionDen = t + (fp.get(label) ?? 0);
    const recallDen = t + (fn.get(label) ?? 0);
    const precision = precisionDen === 0 ? 0 : t / precisionDen;
    const recall = recallDen === 0 ? 0 : t / recallDen;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    perClass[label] = { precision, recall, f1, support: recallDen };
    sumF1 += f1;
  }
  return {
    macroF1: labels.length === 0 ? 0 : sumF1 / labels.length,
    accuracy: gold.length === 0 ? 0 : correct / gold.length,
    rows: gold.length,
    perClass,
  };
}

/**
 * Macro-F1 over class indices, from a confusion count only: the offset search calls it thousands of times,
 * so it builds no strings.
 */
export function macroF1OfIndices(
  gold: readonly number[],
  classes: number,
): (predicted: readonly number[]) => number {
  const tp = new Int32Array(classes);
  const goldCount = new Int32Array(classes);
  const predictedCount = new Int32Array(classes);
  for (const g of gold) goldCount[g]!++;
  return (predicted) => {
    tp.fill(0);
    predictedCount.fill(0);
    for (let i = 0; i < gold.length; i++) {
      const p = predicted[i]!;
      predictedCount[p]!++;
      if (p === gold[i]) tp[p]!++;
    }
    let sum = 0;
    for (let c = 0; c < classes; c++) {
      const den = goldCount[c]! + predictedCount[c]!;
      sum += den === 0 ? 0 : (2 * tp[c]!) / den;
    }
    return classes === 0 ? 0 : sum / classes;
  };
}

/** Counts of gold class (row) against predicted class (column). */
export function confusionMatrix(
  gold: readonly number[],
  predicted: readonly number[],
  classes: number,
): number[][] {
  const out = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  for (let i = 0; i < gold.length; i++) out[gold[i]!]![predicted[i]!]!++;
  return out;
}
