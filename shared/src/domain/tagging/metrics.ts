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
