import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadEvaluationSet } from '../../cli/evaluateAnticipations.js';
import { DEFAULT_ANTICIPATIONS } from './defaultSet.js';
import { evaluateMatcher, precision, recall } from './evaluate.js';

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../anticipations');

describe('the matcher on the frozen evaluation set', () => {
  const boards = loadEvaluationSet(dir);

  it('keeps its dev figures (a regression guard, not a claim: see docs/teacher-flow.md)', () => {
    const dev = evaluateMatcher(boards, DEFAULT_ANTICIPATIONS, 'dev');
    expect(precision(dev.micro)).toBeGreaterThanOrEqual(0.9);
    expect(recall(dev.micro)).toBeGreaterThanOrEqual(0.9);
  });

  it('reports held-out figures without printing held-out errors', () => {
    const heldout = evaluateMatcher(boards, DEFAULT_ANTICIPATIONS, 'heldout');
    expect(heldout.boards).toBeGreaterThan(20);
    expect(heldout.errors).toEqual([]);
  });
});
