// Figures on the frozen portions: the talk-move dev split (lesson series never fitted) and the held-out
// question sources. The evaluate command prints them; the corrections gate compares two models on them.
import { toExamples, type TalkMovesRow } from '../domain/tagging/dataset.js';
import { evaluateOnSplit } from '../domain/tagging/evaluate.js';
import type { SpeakerRole } from '../domain/tagging/labels.js';
import type { RoleMetrics } from '../domain/tagging/model.js';
import { loadTalkMovesModel, type TalkMovesModelFile } from '../domain/tagging/modelFile.js';
import { scoreQuestionType } from '../domain/tagging/questionModel.js';
import { isQuestion } from '../domain/tagging/questionType.js';
import {
  questionReport,
  type LabelledQuestion,
  type QuestionEvaluation,
} from '../domain/tagging/questionTraining.js';
import { splitTranscripts } from '../domain/tagging/split.js';

export interface FrozenFigures {
  moves: Record<SpeakerRole, RoleMetrics>;
  movesWithNext: Record<SpeakerRole, RoleMetrics>;
  questions: QuestionEvaluation;
}

export function frozenFigures(
  file: TalkMovesModelFile,
  rows: readonly TalkMovesRow[],
  heldout: readonly LabelledQuestion[],
): FrozenFigures {
  const model = loadTalkMovesModel(file);
  const splitOf = splitTranscripts(rows.map((r) => r.transcript_id));
  const examples = toExamples(rows);
  return {
    moves: evaluateOnSplit(model, examples, splitOf, 'dev', { next: false }),
    movesWithNext: evaluateOnSplit(model, examples, splitOf, 'dev', { next: true }),
    questions: evaluateQuestions(file, heldout).model,
  };
}

/**
 * Question-type figures on labelled questions: `model` types every labelled question (the question is given);
 * `endToEnd` first asks the tagger's question detector, and a question it misses counts as wrong.
 */
export function evaluateQuestions(
  file: TalkMovesModelFile,
  questions: readonly LabelledQuestion[],
): { model: QuestionEvaluation; endToEnd: QuestionEvaluation } {
  const model = loadTalkMovesModel(file).questionTypes;
  const scores = questions.map((q) => scoreQuestionType(model, q));
  const gold = questions.map((q) => q.questionType);
  const detected = questions.map((q) => isQuestion(q.text));
  const threshold = file.questionTypes.abstainBelow;
  return {
    model: questionReport(
      gold,
      scores.map((s) => s.best),
      scores.map((s) => s.confidence),
      threshold,
    ),
    endToEnd: questionReport(
      gold,
      scores.map((s, i) => (detected[i] ? s.best : 'not_a_question')),
      scores.map((s, i) => (detected[i] ? s.confidence : 1)),
      threshold,
    ),
  };
}

/** Accept a retrained model only if no frozen figure drops; the lines print both models' figures. */
export function gateVerdict(
  before: FrozenFigures,
  after: FrozenFigures,
): { accept: boolean; lines: string[] } {
  const rows: [string, number, number][] = [
    ['teacher moves, dev split (macro-F1)', before.moves.teacher.macroF1, after.moves.teacher.macroF1],
    ['student moves, dev split (macro-F1)', before.moves.student.macroF1, after.moves.student.macroF1],
    [
      'question types, held-out sources (macro-F1)',
      before.questions.all.macroF1,
      after.questions.all.macroF1,
    ],
  ];
  const lines = ['frozen portion                                  current  retrained'];
  let accept = true;
  for (const [name, b, a] of rows) {
    const worse = a < b;
    if (worse) accept = false;
    lines.push(`${name.padEnd(48)}${b.toFixed(4)}   ${a.toFixed(4)}${worse ? '  worse' : ''}`);
  }
  return { accept, lines };
}
