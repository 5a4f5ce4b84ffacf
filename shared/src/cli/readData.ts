// Reading training data from files: TalkMoves-layout JSONL (gzip or not) and labelled questions.
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { parseTalkMovesLine, type TalkMovesRow } from '../domain/tagging/dataset.js';
import { LabelledQuestionSchema, type LabelledQuestion } from '../domain/tagging/questionTraining.js';

/** Reads JSONL rows (gzip when the name ends in .gz), failing with the file and line of a bad row. */
export async function readTalkMovesRows(path: string): Promise<TalkMovesRow[]> {
  const raw = createReadStream(path);
  const input = path.endsWith('.gz') ? raw.pipe(createGunzip()) : raw;
  const rows: TalkMovesRow[] = [];
  let lineNo = 0;
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    lineNo++;
    if (line.trim() === '') continue;
    try {
      rows.push(parseTalkMovesLine(line));
    } catch (err) {
      throw new Error(`${path}:${lineNo}: ${err instanceof Error ? err.message : String(err)}`, {
        cause: err,
      });
    }
  }
  return rows;
}

export async function readAll(paths: readonly string[]): Promise<TalkMovesRow[]> {
  const rows: TalkMovesRow[] = [];
  for (const p of paths) {
    if (!existsSync(p)) throw new Error(`data file not found: ${p} (set TALKMOVES_DATA or pass a path)`);
    for (const row of await readTalkMovesRows(p)) rows.push(row);
  }
  return rows;
}

/** Labelled questions, one JSON object a line, failing with the file and line of a bad one. */
export function readQuestions(path: string): LabelledQuestion[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((line, i) => ({ line, i }))
    .filter(({ line }) => line.trim() !== '')
    .map(({ line, i }) => {
      const parsed = LabelledQuestionSchema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${path}:${i + 1}: ${parsed.error.message}`);
      return parsed.data;
    });
}

/** Labelled questions of several files, in the order given. */
export function readQuestionFiles(paths: readonly string[]): LabelledQuestion[] {
  return paths.flatMap((p) => readQuestions(p));
}
