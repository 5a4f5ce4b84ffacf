// `pnpm train [--out model.json] [--questions q.jsonl ...] [--corrections export.jsonl] [--questions-only] [data.jsonl(.gz) ...]`:
// trains the talk-move tagger and the question-type model and writes the model file. With --corrections the
// new model replaces the old one only if it scores no worse on the frozen portions (both figures printed).
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DEFAULT_TRAIN_OPTIONS, trainTalkMovesModel } from '../domain/tagging/pipeline.js';
import { DEFAULT_QUESTION_OPTIONS, trainQuestionModel } from '../domain/tagging/questionTraining.js';
import { TalkMovesModelFileSchema, type TalkMovesModelFile } from '../domain/tagging/modelFile.js';
import { correctionQuestions, readCorrections } from './corrections.js';
import { frozenFigures, gateVerdict } from './frozen.js';
import { readAll, readQuestionFiles, readQuestions } from './readData.js';

export { readAll, readTalkMovesRows } from './readData.js';

/** The repository root, from this file's place in it (not the working directory). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
/** TalkMoves sits beside the repository (CI clones it with shared/ next to it); TALKMOVES_DATA overrides. */
export const DEFAULT_DATA_PATH = resolve(
  REPO_ROOT,
  process.env.TALKMOVES_DATA ?? '../shared/data/talkmoves/train.jsonl.gz',
);
export const DEFAULT_MODEL_PATH = resolve(REPO_ROOT, 'shared/models/talkmoves.json');
/** Labelled questions: the training portion, and the frozen held-out portion that training never reads. */
export const QUESTIONS_TRAIN_PATH = resolve(REPO_ROOT, 'shared/questions/train.jsonl');
export const QUESTIONS_HELDOUT_PATH = resolve(REPO_ROOT, 'shared/questions/heldout.jsonl');
/**
 * A second frozen portion, written by writers who never saw the guide, the labelled sets or any model: read
 * by `evaluate` only, so no choice (not even the corrections gate) ever rests on it.
 */
export const QUESTIONS_INDEPENDENT_PATH = resolve(REPO_ROOT, 'shared/questions/heldout-independent.jsonl');
/** Training sources added after the first training file, one file each (never held-out ones). */
export const QUESTIONS_SOURCES_DIR = resolve(REPO_ROOT, 'shared/questions/sources');

/** Every training file of labelled questions, in a fixed order so training is reproducible. */
export function defaultQuestionPaths(): string[] {
  const more = existsSync(QUESTIONS_SOURCES_DIR)
    ? readdirSync(QUESTIONS_SOURCES_DIR)
        .filter((f) => f.endsWith('.jsonl'))
        .sort()
        .map((f) => resolve(QUESTIONS_SOURCES_DIR, f))
    : [];
  return [QUESTIONS_TRAIN_PATH, ...more];
}

export const TALKMOVES_LICENSE = 'CC-BY-NC-SA-4.0';
export const TALKMOVES_ATTRIBUTION =
  'Adapted from the TalkMoves dataset (SumnerLab/TalkMoves, commit 869b940): Suresh, A., Jacobs, J., Harty, C., ' +
  'Perkoff, M., Martin, J. H., & Sumner, T. (2022). "The TalkMoves Dataset: K-12 Mathematics Lesson Transcripts ' +
  'Annotated for Teacher and Student Discursive Moves." LREC 2022, 4654-4662. Licensed under Creative Commons ' +
  'Attribution-NonCommercial-ShareAlike 4.0 International; this model is adapted material under the same licence.';

export interface TrainArgs {
  out: string;
  data: string[];
  /** Labelled question files (default: the training file and every file of shared/questions/sources). */
  questions: string[];
  corrections: string | null;
  questionsOnly: boolean;
}

/** `--out x`, `--questions q`, `--corrections c`, `--questions-only`; positional data paths (default TalkMoves). */
export function parseDataArgs(argv: readonly string[]): TrainArgs {
  const args: TrainArgs = {
    out: DEFAULT_MODEL_PATH,
    data: [],
    questions: [],
    corrections: null,
    questionsOnly: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--out' || a === '--model') args.out = resolve(argv[++i] ?? '');
    else if (a === '--questions') args.questions.push(resolve(argv[++i] ?? ''));
    else if (a === '--corrections') args.corrections = resolve(argv[++i] ?? '');
    else if (a === '--questions-only') args.questionsOnly = true;
    else if (a.startsWith('--')) throw new Error(`unknown option ${a}`);
    else args.data.push(resolve(a));
  }
  if (args.data.length === 0) args.data = [DEFAULT_DATA_PATH];
  if (args.questions.length === 0) args.questions = defaultQuestionPaths();
  return args;
}

/** A path as the model file records it: from the repository root, or from beside it (the TalkMoves data), so
 * the file does not depend on the checkout's directory name. */
function relative(p: string): string {
  if (p.startsWith(`${REPO_ROOT}/`)) return p.slice(REPO_ROOT.length + 1);
  return p.replace(`${resolve(REPO_ROOT, '..')}/`, '');
}

async function main(): Promise<void> {
  const args = parseDataArgs(process.argv.slice(2));
  const started = performance.now();
  const questions = readQuestionFiles(args.questions);
  const corrections = args.corrections ? await readCorrections(args.corrections) : null;
  if (corrections) {
    questions.push(...correctionQuestions(corrections));
    console.log(
      `corrections: ${corrections.filter((r) => r.corrected).length} corrected contributions from ${args.corrections}`,
    );
  }
  const sources = [...args.data, ...args.questions, ...(args.corrections ? [args.corrections] : [])].map(
    relative,
  );
  const provenance = { license: TALKMOVES_LICENSE, attribution: TALKMOVES_ATTRIBUTION, sources };
  let model: TalkMovesModelFile;
  if (args.questionsOnly) {
    // Keep the talk-move part of the existing file; refit only the question types (seconds, not minutes).
    const current = TalkMovesModelFileSchema.parse(JSON.parse(readFileSync(args.out, 'utf8')));
    model = { ...current, questionTypes: trainQuestionModel(questions, DEFAULT_QUESTION_OPTIONS, sources) };
  } else {
    const rows = await readAll(args.data);
    console.log(
      `read ${rows.length} rows from ${args.data.join(', ')}; ${questions.length} labelled questions`,
    );
    model = trainTalkMovesModel(
      { rows, fitOnlyRows: corrections ?? [], questions },
      provenance,
      DEFAULT_TRAIN_OPTIONS,
      (line) => console.log(line),
    );
  }
  const text = `${JSON.stringify(model)}\n`;
  if (corrections && existsSync(args.out)) {
    // A deployment's retraining must not make the tagger worse where it can be measured.
    const rows = await readAll([DEFAULT_DATA_PATH]);
    const heldout = readQuestions(QUESTIONS_HELDOUT_PATH);
    const before = frozenFigures(
      TalkMovesModelFileSchema.parse(JSON.parse(readFileSync(args.out, 'utf8'))),
      rows,
      heldout,
    );
    const after = frozenFigures(model, rows, heldout);
    const verdict = gateVerdict(before, after);
    console.log(verdict.lines.join('\n'));
    if (!verdict.accept) {
      console.log(
        `refused: ${args.out} is left as it was (the retrained model scores worse on the frozen portion)`,
      );
      process.exitCode = 1;
      return;
    }
  }
  mkdirSync(dirname(args.out), { recursive: true });
  writeFileSync(args.out, text);
  for (const role of ['teacher', 'student'] as const) {
    console.log(
      `${role}: dev macro-F1 ${model.metrics.dev[role].macroF1.toFixed(4)} without the next utterance, ` +
        `${model.metrics.devWithNext[role].macroF1.toFixed(4)} with it`,
    );
  }
  const q = model.questionTypes.metrics;
  console.log(
    `question types: out-of-fold macro-F1 ${q.dev.macroF1.toFixed(4)}; typed above ${model.questionTypes.abstainBelow.toFixed(3)}: ` +
      `${q.devCovered.macroF1.toFixed(4)} on ${(q.devCoverage * 100).toFixed(1)}% of questions`,
  );
  console.log(
    `wrote ${args.out} (${(text.length / 1024).toFixed(0)} KiB) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
