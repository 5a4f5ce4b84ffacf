import { describe, expect, it } from 'vitest';
import { CV_FOLDS, crossValidateRole, developmentFold } from './crossValidation.js';
import { toExamples, type TalkMovesRow } from './dataset.js';
import { lessonSeries, type SplitName } from './split.js';

// Forty lesson series of three parts each; the split is given, so the test does not depend on hash order.
const seriesName = (s: number): string =>
  `lesson ${String.fromCharCode(97 + (s % 26))}${String.fromCharCode(97 + Math.floor(s / 26))}`;
const seriesIndex = new Map(Array.from({ length: 40 }, (_, s) => [seriesName(s), s]));
const ids = [...seriesIndex.keys()].flatMap((name) => [1, 2, 3].map((p) => `${name} pt ${p}`));
const splitOf = (id: string): SplitName => {
  const n = seriesIndex.get(lessonSeries(id)) ?? -1;
  return n < 6 ? 'dev' : n < 10 ? 'tune' : 'fit';
};

describe('developmentFold', () => {
  const foldOf = developmentFold(splitOf);

  it('never places a dev-split transcript in a fold, and the tune split is fold 0', () => {
    expect(new Set(ids.map(lessonSeries)).size).toBe(40);
    for (const id of ids) {
      if (splitOf(id) === 'dev') expect(foldOf(id)).toBeNull();
      if (splitOf(id) === 'tune') expect(foldOf(id)).toBe(0);
    }
  });

  it('keeps each lesson series in one fold and uses every fold', () => {
    const bySeries = new Map<string, Set<number | null>>();
    for (const id of ids) {
      const s = bySeries.get(lessonSeries(id)) ?? new Set();
      s.add(foldOf(id));
      bySeries.set(lessonSeries(id), s);
    }
    for (const folds of bySeries.values()) expect(folds.size).toBe(1);
    expect(new Set(ids.map(foldOf).filter((f) => f !== null))).toEqual(
      new Set(Array.from({ length: CV_FOLDS }, (_, i) => i)),
    );
  });
});

describe('crossValidateRole', () => {
  const rows: TalkMovesRow[] = ids.flatMap((id) =>
    [0, 1, 2, 3].map((i) => ({
      transcript_id: id,
      sent_idx: i,
      speaker_role: i % 2 === 0 ? ('student' as const) : ('teacher' as const),
      text:
        i % 2 === 0
          ? 'I think it is six because half of twelve is six.'
          : i === 1
            ? 'Why do you think that?'
            : 'Okay, who else got six?',
      label:
        i % 2 === 0
          ? 'providing_evidence_reasoning'
          : i === 1
            ? 'pressing_for_reasoning'
            : 'keeping_everyone_together',
    })),
  );
  const examples = toExamples(rows);
  const foldOf = developmentFold(splitOf);
  const options = {
    hashBits: 12,
    epochs: 2,
    averageLast: 2,
    learningRate: 0.2,
    classWeightPower: 0.5,
    seed: 1,
    nextKeep: 0.5,
    l2: 0,
  };

  it('measures each fold on its own rows only, with a model fitted on the others', () => {
    const { folds: figures, confusion, pruned } = crossValidateRole(examples, 'teacher', foldOf, options);
    expect(pruned).toEqual([]);
    const devRows = examples.filter((e) => e.role === 'teacher' && splitOf(e.transcriptId) === 'dev').length;
    const teacherRows = examples.filter((e) => e.role === 'teacher').length;
    expect(figures.map((f) => f.fold)).toEqual([0, 1, 2]);
    for (const f of figures) expect(f.fitRows + f.heldRows).toBe(teacherRows - devRows);
    expect(figures.reduce((s, f) => s + f.heldRows, 0)).toBe(teacherRows - devRows);
    expect(figures[0]!.withoutNext.perClass.pressing_for_reasoning?.f1).toBe(1);
    for (const f of figures) expect(f.curve.map((p) => p.epoch)).toEqual([1, 2]);
    // Offsets never lower a fold these separable rows already get right, whichever way they are tuned.
    for (const f of figures) expect(f.offsets.perMode).toEqual([f.withoutNext.macroF1, f.withNext.macroF1]);
    expect(confusion.flat().reduce((s, n) => s + n, 0)).toBe(teacherRows - devRows);
  });

  it('measures each fold model pruned to every byte budget, as training ships it', () => {
    const { folds, pruned } = crossValidateRole(examples, 'teacher', foldOf, {
      ...options,
      pruneBytes: [16, 1e6],
    });
    expect(pruned.map((p) => p.maxBytes)).toEqual([16, 1e6]);
    for (const p of pruned) expect(p.folds).toHaveLength(CV_FOLDS);
    // Two slots of 7 int8 weights fit in 16 bytes: base64 of at most 16 bytes and their gaps.
    expect(pruned[0]!.fileChars).toBeLessThanOrEqual(4 * Math.ceil(16 / 3) + 4);
    expect(pruned[0]!.fileChars).toBeLessThan(pruned[1]!.fileChars);
    // With room for every slot, int8 quantization leaves these separable rows as the float model tags them.
    pruned[1]!.folds.forEach((f, i) =>
      expect(f.plain).toEqual([folds[i]!.withoutNext.macroF1, folds[i]!.withNext.macroF1]),
    );
  });
});
