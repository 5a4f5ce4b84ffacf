import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { QUESTION_TYPES } from '../domain/tagging/labels.js';
import { loadModelFile } from './evaluate.js';
import { frozenFigures } from './frozen.js';
import { readAll, readQuestionFiles, readQuestions } from './readData.js';
import {
  DEFAULT_DATA_PATH,
  DEFAULT_MODEL_PATH,
  QUESTIONS_HELDOUT_PATH,
  QUESTIONS_INDEPENDENT_PATH,
  defaultQuestionPaths,
} from './train.js';

const hasData = existsSync(DEFAULT_DATA_PATH);

describe('the committed model against the data', () => {
  it.skipIf(!hasData)(
    `reproduces the dev figures stored at training (needs ${DEFAULT_DATA_PATH}; skipped when absent)`,
    async () => {
      const model = loadModelFile(DEFAULT_MODEL_PATH);
      const rows = await readAll([DEFAULT_DATA_PATH]);
      const figures = frozenFigures(model.file, rows, []);
      for (const [stored, measured] of [
        [model.file.metrics.dev, figures.moves],
        [model.file.metrics.devWithNext, figures.movesWithNext],
      ] as const) {
        for (const role of ['teacher', 'student'] as const) {
          expect(measured[role].rows).toBe(stored[role].rows);
          expect(Math.abs(measured[role].macroF1 - stored[role].macroF1)).toBeLessThanOrEqual(1e-9);
          for (const [label, c] of Object.entries(stored[role].perClass)) {
            expect(Math.abs(measured[role].perClass[label]!.f1 - c.f1)).toBeLessThanOrEqual(1e-9);
          }
        }
      }
    },
    300_000,
  );
});

describe('the labelled questions', () => {
  const train = readQuestionFiles(defaultQuestionPaths());
  const heldout = readQuestions(QUESTIONS_HELDOUT_PATH);

  it('are split by source: no source, and no TalkMoves lesson series, is on both sides', () => {
    const trainSources = new Set(train.map((q) => q.source));
    expect(heldout.filter((q) => trainSources.has(q.source))).toEqual([]);
  });

  it('name each question once across the training files, one authored source a file', () => {
    const ids = train.map((q) => q.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const path of defaultQuestionPaths().slice(1)) {
      const authored = new Set(
        readQuestions(path)
          .map((q) => q.source)
          .filter((s) => !s.startsWith('talkmoves:')),
      );
      expect(authored.size).toBeLessThanOrEqual(1);
    }
  });

  it('hold several hundred questions of all four types, teachers\u2019 and students\u2019, on each side', () => {
    expect(train.length).toBeGreaterThanOrEqual(600);
    expect(heldout.length).toBeGreaterThanOrEqual(300);
    for (const side of [train, heldout]) {
      for (const type of QUESTION_TYPES) {
        expect(side.filter((q) => q.questionType === type).length).toBeGreaterThanOrEqual(50);
      }
      expect(new Set(side.map((q) => q.role))).toEqual(new Set(['teacher', 'student']));
    }
  });

  it('keep the independent writers\u2019 portion apart: its own sources, no text of another file, all four types', () => {
    const independent = readQuestions(QUESTIONS_INDEPENDENT_PATH);
    const elsewhere = new Set([...train, ...heldout].map((q) => q.source));
    expect(independent.filter((q) => elsewhere.has(q.source))).toEqual([]);
    const texts = new Set([...train, ...heldout].map((q) => q.text.trim().toLowerCase()));
    expect(independent.filter((q) => texts.has(q.text.trim().toLowerCase()))).toEqual([]);
    for (const type of QUESTION_TYPES)
      expect(independent.filter((q) => q.questionType === type).length).toBeGreaterThanOrEqual(40);
  });

  it('were never seen by the committed question model (its training sources are the training files)', () => {
    const model = loadModelFile(DEFAULT_MODEL_PATH);
    expect(model.file.questionTypes.metrics.dev.rows).toBe(train.length);
    expect(JSON.stringify(model.file.questionTypes.training.sources)).not.toContain('heldout');
  });
});
