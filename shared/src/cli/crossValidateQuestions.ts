// `pnpm --silent cv:questions [--questions q.jsonl ...] [--add candidate.jsonl ...] [--class-weight-power p] [--epochs n] [--learning-rate x] [--seed n] [--bag s] [--offsets none|all|others]`:
// question-type figures out of fold, leaving one training source out at a time (TalkMoves lesson series in
// folds by hash) — where feature, option and data choices are made. The frozen held-out file is never read.
// With `--offsets`, each fold's logits get macro-F1 offsets tuned on the other folds only (nested), before the
// temperature and threshold are fitted, as training does.
import { pathToFileURL } from 'node:url';
import { QUESTION_TYPES } from '../domain/tagging/labels.js';
import { softmax } from '../domain/tagging/model.js';
import {
  DEFAULT_QUESTION_OPTIONS,
  calibrationWeights,
  chooseAbstention,
  fitTemperature,
  foldOf,
  outOfFoldLogits,
  questionReport,
  type LabelledQuestion,
  type QuestionTrainOptions,
} from '../domain/tagging/questionTraining.js';
import {
  QUESTION_OFFSET_MODES,
  fitQuestionOffsets,
  nestedOffsetLogits,
  type QuestionOffsetMode,
} from '../domain/tagging/questionOffsets.js';
import { readQuestions } from './readData.js';
import { QUESTIONS_HELDOUT_PATH, QUESTIONS_INDEPENDENT_PATH, defaultQuestionPaths } from './train.js';
import { numberOption } from './numberOption.js';

export interface QuestionCvArgs {
  questions: string[];
  /** Candidate files joined to the training files, so a choice can be judged on the same questions as before. */
  added: string[];
  options: QuestionTrainOptions;
}

export function parseQuestionCvArgs(argv: readonly string[]): QuestionCvArgs {
  const args: QuestionCvArgs = { questions: [], added: [], options: { ...DEFAULT_QUESTION_OPTIONS } };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--questions') args.questions.push(argv[++i] ?? '');
    else if (a === '--add') args.added.push(argv[++i] ?? '');
    else if (a === '--class-weight-power') args.options.classWeightPower = numberOption(a, argv[++i]);
    else if (a === '--epochs') args.options.epochs = numberOption(a, argv[++i]);
    else if (a === '--learning-rate') args.options.learningRate = numberOption(a, argv[++i]);
    else if (a === '--seed') args.options.seed = numberOption(a, argv[++i]);
    else if (a === '--bag') args.options.bag = numberOption(a, argv[++i]);
    else if (a === '--offsets') args.options.offsets = offsetMode(argv[++i]);
    else throw new Error(`unknown option ${a}`);
  }
  if (args.questions.length === 0) args.questions = defaultQuestionPaths();
  const frozen = [QUESTIONS_HELDOUT_PATH, QUESTIONS_INDEPENDENT_PATH].map((f) => f.split('/').pop()!);
  if ([...args.questions, ...args.added].some((p) => frozen.some((f) => p.endsWith(f))))
    throw new Error('the frozen held-out questions are never used for choices');
  return args;
}

function offsetMode(raw: string | undefined): QuestionOffsetMode {
  const mode = QUESTION_OFFSET_MODES.find((m) => m === raw);
  if (!mode) throw new Error(`--offsets needs one of ${QUESTION_OFFSET_MODES.join(', ')}`);
  return mode;
}

function line(name: string, gold: string[], best: string[], conf: number[], threshold: number): string {
  const e = questionReport(gold, best, conf, threshold);
  const perType = QUESTION_TYPES.map((t) => (e.all.perClass[t]?.f1 ?? 0).toFixed(3)).join(' / ');
  return (
    `${name.padEnd(36)}${String(gold.length).padStart(5)}  ${e.all.macroF1.toFixed(4)}  [${perType}]  ` +
    `typed ${(e.coverage * 100).toFixed(1)}%: ${e.covered.macroF1.toFixed(4)}`
  );
}

async function main(): Promise<void> {
  const args = parseQuestionCvArgs(process.argv.slice(2));
  const byFile = [...args.questions, ...args.added].map((p) => ({ path: p, questions: readQuestions(p) }));
  const addedFrom = byFile.slice(0, args.questions.length).reduce((n, f) => n + f.questions.length, 0);
  const questions: LabelledQuestion[] = byFile.flatMap((f) => f.questions);
  const gold = questions.map((q) => QUESTION_TYPES.indexOf(q.questionType));
  const plain = outOfFoldLogits(questions, args.options);
  const weights = calibrationWeights(questions);
  const folds = questions.map((q) => foldOf(q.source, args.options.talkMovesFolds));
  const mode = args.options.offsets;
  const use = (i: number) => mode === 'all' || weights[i]! > 0;
  const k = QUESTION_TYPES.length;
  const logits = mode === 'none' ? plain : nestedOffsetLogits(plain, gold, folds, k, use);
  if (mode !== 'none')
    console.log(
      `offsets tuned on ${mode === 'all' ? 'every' : 'others\u2019'} question of the other folds; on all folds: ` +
        `[${fitQuestionOffsets(plain, gold, k, use)
          .map((o) => o.toFixed(1))
          .join(', ')}]`,
    );
  const t = fitTemperature(logits, gold, weights);
  const probs = logits.map((l) => softmax(l.map((v) => v / t)));
  const best = probs.map((p) => p.indexOf(Math.max(...p)));
  const conf = probs.map((p, i) => p[best[i]!]!);
  const threshold = chooseAbstention(
    conf,
    best.map((b, i) => b === gold[i]),
    args.options.targetCoveredAccuracy,
    weights,
  );
  console.log(
    `${questions.length} questions from ${byFile.length} files; temperature ${t}, threshold ${threshold.toFixed(3)}; ` +
      `options ${JSON.stringify(args.options)}`,
  );
  console.log(`${'part'.padEnd(36)}    n  macroF1  [G / P / M / J F1]`);
  const part = (name: string, keep: (q: LabelledQuestion, i: number) => boolean) => {
    const idx = questions.map((q, i) => (keep(q, i) ? i : -1)).filter((i) => i >= 0);
    console.log(
      line(
        name,
        idx.map((i) => questions[i]!.questionType),
        idx.map((i) => QUESTION_TYPES[best[i]!]!),
        idx.map((i) => conf[i]!),
        threshold,
      ),
    );
  };
  part('all', () => true);
  let offset = 0;
  for (const f of byFile) {
    const [from, to] = [offset, offset + f.questions.length];
    part(`file ${f.path.split('/').pop()!}`, (_, i) => i >= from && i < to);
    offset = to;
  }
  const first = byFile[0]!.questions.length;
  part('first file, TalkMoves', (q, i) => i < first && q.source.startsWith('talkmoves:'));
  part('first file, authored', (q, i) => i < first && !q.source.startsWith('talkmoves:'));
  part('TalkMoves (others\u2019 speech)', (q) => q.source.startsWith('talkmoves:'));
  part('authored', (q) => !q.source.startsWith('talkmoves:'));
  const talkMoves = (q: LabelledQuestion, i: number) => i < addedFrom && q.source.startsWith('talkmoves:');
  if (args.added.length > 0) {
    part('not added', (_, i) => i < addedFrom);
    part('TalkMoves, not added', talkMoves);
    part('added', (_, i) => i >= addedFrom);
  }
  for (const role of ['teacher', 'student'] as const)
    part(
      `TalkMoves${args.added.length > 0 ? ', not added' : ''}, ${role}s`,
      (q, i) => talkMoves(q, i) && q.role === role,
    );
  for (const fold of [...new Set(folds)].sort()) {
    const inFold = (q: LabelledQuestion) => foldOf(q.source, args.options.talkMovesFolds) === fold;
    part(`  fold ${fold}`, inFold);
    if (args.added.length > 0 && fold.startsWith('talkmoves'))
      part(`  fold ${fold}, not added`, (q, i) => inFold(q) && i < addedFrom);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
