import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toExamples } from '../domain/tagging/dataset.js';
import { evaluateOnSplit } from '../domain/tagging/evaluate.js';
import { QUESTION_TYPES } from '../domain/tagging/labels.js';
import { splitTranscripts } from '../domain/tagging/split.js';
import { CHECK_SET_PATH, evaluateCheckSet, loadModelFile } from './evaluate.js';
import { DEFAULT_DATA_PATH, DEFAULT_MODEL_PATH, readAll } from './train.js';

const hasData = existsSync(DEFAULT_DATA_PATH);

describe('the committed model against the data', () => {
  it.skipIf(!hasData)(
    `reproduces the dev figures stored at training (needs ${DEFAULT_DATA_PATH}; skipped when absent)`,
    async () => {
      const model = loadModelFile(DEFAULT_MODEL_PATH);
      const rows = await readAll([DEFAULT_DATA_PATH]);
      const splitOf = splitTranscripts(rows.map((r) => r.transcript_id));
      const dev = evaluateOnSplit(model, toExamples(rows), splitOf, 'dev');
      for (const role of ['teacher', 'student'] as const) {
        const stored = model.file.metrics.dev[role];
        expect(dev[role].rows).toBe(stored.rows);
        expect(Math.abs(dev[role].macroF1 - stored.macroF1)).toBeLessThanOrEqual(1e-9);
        for (const [label, c] of Object.entries(stored.perClass)) {
          expect(Math.abs(dev[role].perClass[label]!.f1 - c.f1)).toBeLessThanOrEqual(1e-9);
        }
      }
      // The done-when targets.
      expect(dev.teacher.macroF1).toBeGreaterThanOrEqual(0.72);
      expect(dev.student.macroF1).toBeGreaterThanOrEqual(0.6);
    },
    120_000,
  );
});

describe('the question-type check set', () => {
  it('holds at least 120 questions across the four NCTM types, roughly balanced', () => {
    const rows = readFileSync(CHECK_SET_PATH, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { role: string; questionType: string });
    expect(rows.length).toBeGreaterThanOrEqual(120);
    for (const type of QUESTION_TYPES) {
      const n = rows.filter((r) => r.questionType === type).length;
      expect(n).toBeGreaterThanOrEqual(rows.length / 5);
    }
    expect(new Set(rows.map((r) => r.role))).toEqual(new Set(['teacher', 'student']));
    expect(evaluateCheckSet().rows).toBe(rows.length);
  });
});
