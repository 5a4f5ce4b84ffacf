// `pnpm evaluate [--model model.json] [data.jsonl(.gz) ...]`: dev-split talk-move F1 and question-type check set F1.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { toExamples } from '../domain/tagging/dataset.js';
import { evaluateOnSplit } from '../domain/tagging/evaluate.js';
import { QUESTION_TYPES, type SpeakerRole } from '../domain/tagging/labels.js';
import { classificationReport } from '../domain/tagging/metrics.js';
import { loadTalkMovesModel, type RoleMetrics, type TalkMovesModel } from '../domain/tagging/model.js';
import { classifyQuestion } from '../domain/tagging/questionType.js';
import { splitTranscripts } from '../domain/tagging/split.js';
import { parseDataArgs, readAll } from './train.js';

/** Suresh et al. (LREC 2022), RoBERTa-base on held-out transcripts. */
export const PUBLISHED_ANCHOR: Record<SpeakerRole, number> = { teacher: 0.77, student: 0.67 };
export const CHECK_SET_PATH = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../domain/tagging/checkset/questionTypes.jsonl',
);

export function loadModelFile(path: string): TalkMovesModel {
  return loadTalkMovesModel(JSON.parse(readFileSync(path, 'utf8')));
}

function table(title: string, m: RoleMetrics): string[] {
  const lines = [title, `  ${'class'.padEnd(42)}precision  recall      F1  support`];
  for (const [label, c] of Object.entries(m.perClass)) {
    lines.push(
      `  ${label.padEnd(42)}${c.precision.toFixed(3).padStart(9)}${c.recall.toFixed(3).padStart(8)}${c.f1
        .toFixed(3)
        .padStart(8)}${String(c.support).padStart(9)}`,
    );
  }
  return lines;
}

/** Question-type macro-F1 on the frozen check set (a non-question prediction counts as wrong). */
export function evaluateCheckSet(path = CHECK_SET_PATH): RoleMetrics {
  const rows = readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as { text: string; questionType: string });
  const predicted = rows.map((r) => classifyQuestion(r.text)?.questionType ?? 'not_a_question');
  return classificationReport(
    QUESTION_TYPES,
    rows.map((r) => r.questionType),
    predicted,
  );
}

async function main(): Promise<void> {
  const { out: modelPath, data } = parseDataArgs(process.argv.slice(2));
  const model = loadModelFile(modelPath);
  const rows = await readAll(data);
  const splitOf = splitTranscripts(rows.map((r) => r.transcript_id));
  const dev = evaluateOnSplit(model, toExamples(rows), splitOf, 'dev');
  const lines = [`Talk moves, dev split (${model.file.metrics.split})`, `model ${modelPath}`, ''];
  for (const role of ['teacher', 'student'] as const) {
    lines.push(...table(`${role} moves (${dev[role].rows} sentences)`, dev[role]));
    const stored = model.file.metrics.dev[role].macroF1;
    lines.push(
      `  macro-F1 ${dev[role].macroF1.toFixed(4)}  (published anchor ${PUBLISHED_ANCHOR[role].toFixed(2)}; ` +
        `stored at training ${stored.toFixed(4)}${Math.abs(stored - dev[role].macroF1) <= 1e-9 ? ', same' : ', DIFFERENT'})`,
      `  accuracy ${dev[role].accuracy.toFixed(4)}`,
      '',
    );
  }
  const qt = evaluateCheckSet();
  lines.push(...table(`Question types, frozen check set (${qt.rows} questions)`, qt));
  lines.push(`  macro-F1 ${qt.macroF1.toFixed(4)}  accuracy ${qt.accuracy.toFixed(4)}`);
  console.log(lines.join('\n'));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
