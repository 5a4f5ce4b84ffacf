// `pnpm evaluate [--model model.json] [data.jsonl(.gz) ...]`: every figure of the tagger, each with its split —
// talk moves on the dev split (with and without the next utterance), question types out of fold on the
// training sources and on the frozen held-out sources (every question typed, and typed above the threshold).
import { existsSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { QUESTION_TYPES, type SpeakerRole } from '../domain/tagging/labels.js';
import type { RoleMetrics } from '../domain/tagging/model.js';
import { isQuestion } from '../domain/tagging/questionType.js';
import { loadTalkMovesModel, type TalkMovesModel } from '../domain/tagging/modelFile.js';
import type { LabelledQuestion, QuestionEvaluation } from '../domain/tagging/questionTraining.js';
import { evaluateQuestions, frozenFigures } from './frozen.js';
import { readAll, readQuestions } from './readData.js';
import { parseDataArgs, QUESTIONS_HELDOUT_PATH, QUESTIONS_INDEPENDENT_PATH } from './train.js';

/** Suresh et al. (LREC 2022), RoBERTa-base on held-out transcripts. */
export const PUBLISHED_ANCHOR: Record<SpeakerRole, number> = { teacher: 0.77, student: 0.67 };

export function loadModelFile(path: string): TalkMovesModel {
  return loadTalkMovesModel(JSON.parse(readFileSync(path, 'utf8')));
}

export function table(title: string, m: RoleMetrics): string[] {
  const lines = [title, `  ${'class'.padEnd(42)}precision  recall      F1  support`];
  for (const [label, c] of Object.entries(m.perClass)) {
    lines.push(
      `  ${label.padEnd(42)}${c.precision.toFixed(3).padStart(9)}${c.recall.toFixed(3).padStart(8)}${c.f1
        .toFixed(3)
        .padStart(8)}${String(c.support).padStart(9)}`,
    );
  }
  lines.push(`  macro-F1 ${m.macroF1.toFixed(4)}  accuracy ${m.accuracy.toFixed(4)}`);
  return lines;
}

function coverageLine(e: QuestionEvaluation, threshold: number): string {
  const worst = Math.min(...QUESTION_TYPES.map((t) => e.covered.perClass[t]?.f1 ?? 0));
  return (
    `  typed at confidence ≥ ${threshold.toFixed(3)}: macro-F1 ${e.covered.macroF1.toFixed(4)} (lowest type ` +
    `${worst.toFixed(3)}) on ${(e.coverage * 100).toFixed(1)}% of questions; the rest shown as "question"`
  );
}

/** Question-type figures on the frozen held-out sources, overall and per group of sources. */
export function heldoutLines(
  model: TalkMovesModel,
  heldout: readonly LabelledQuestion[],
  portion = 'FROZEN HELD-OUT sources',
): string[] {
  const threshold = model.file.questionTypes.abstainBelow;
  const { model: all, endToEnd } = evaluateQuestions(model.file, heldout);
  const lines = [
    ...table(
      `Question types, ${portion} (${heldout.length} questions; never used for training or choices), every question typed`,
      all.all,
    ),
    coverageLine(all, threshold),
    `  end to end (the tagger's question detector first; a missed question counts as wrong): macro-F1 ` +
      `${endToEnd.all.macroF1.toFixed(4)}; ${heldout.filter((h) => !isQuestion(h.text)).length} of ` +
      `${heldout.length} not seen as questions`,
    '  by group of sources             questions  macro-F1  accuracy  typed-share  macro-F1 typed',
  ];
  const groups: [string, (q: LabelledQuestion) => boolean][] = [
    ['teachers\u2019 questions', (q) => q.role === 'teacher'],
    ['students\u2019 questions', (q) => q.role === 'student'],
    ['TalkMoves (dev-split lessons)', (q) => q.source.startsWith('talkmoves:')],
    ...[...new Set(heldout.map((q) => q.source).filter((s) => !s.startsWith('talkmoves:')))].map(
      (s): [string, (q: LabelledQuestion) => boolean] => [s, (q) => q.source === s],
    ),
  ];
  for (const [name, keep] of groups) {
    const part = heldout.filter(keep);
    if (part.length === 0) continue;
    const e = evaluateQuestions(model.file, part).model;
    lines.push(
      `  ${name.padEnd(32)}${String(part.length).padStart(9)}${e.all.macroF1.toFixed(4).padStart(10)}` +
        `${e.all.accuracy.toFixed(4).padStart(10)}${(e.coverage * 100).toFixed(1).padStart(12)}%` +
        `${e.covered.macroF1.toFixed(4).padStart(15)}`,
    );
  }
  return lines;
}

async function main(): Promise<void> {
  const { out: modelPath, data } = parseDataArgs(process.argv.slice(2));
  const model = loadModelFile(modelPath);
  const rows = await readAll(data);
  const heldout = readQuestions(QUESTIONS_HELDOUT_PATH);
  const figures = frozenFigures(model.file, rows, heldout);
  const lines = [`model ${modelPath}`, '', `Talk moves, DEV split (${model.file.metrics.split})`, ''];
  for (const [label, key, stored] of [
    ['without the next utterance (as first tagged live)', 'moves', model.file.metrics.dev],
    ['with the next utterance', 'movesWithNext', model.file.metrics.devWithNext],
  ] as const) {
    for (const role of ['teacher', 'student'] as const) {
      const m = figures[key][role];
      lines.push(...table(`${role} moves, ${label} (${m.rows} sentences)`, m));
      const same = Math.abs(stored[role].macroF1 - m.macroF1) <= 1e-9;
      lines.push(
        `  published anchor ${PUBLISHED_ANCHOR[role].toFixed(2)}; stored at training ${stored[role].macroF1.toFixed(4)}${same ? ', same' : ', DIFFERENT'}`,
        '',
      );
    }
  }
  const q = model.file.questionTypes;
  lines.push(
    ...table(
      `Question types, DEV: out of fold on the training sources (${q.metrics.split}), every question typed`,
      q.metrics.dev,
    ),
    coverageLine(
      { all: q.metrics.dev, covered: q.metrics.devCovered, coverage: q.metrics.devCoverage },
      q.abstainBelow,
    ),
    `  (threshold chosen here: the lowest calibrated confidence at which typed questions are right ≥ ${String(q.training.targetCoveredAccuracy)} of the time; temperature ${q.temperature})`,
    '',
    ...heldoutLines(model, heldout),
  );
  if (existsSync(QUESTIONS_INDEPENDENT_PATH))
    lines.push(
      '',
      ...heldoutLines(
        model,
        readQuestions(QUESTIONS_INDEPENDENT_PATH),
        'SECOND FROZEN HELD-OUT, independent writers',
      ),
    );
  console.log(lines.join('\n'));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
