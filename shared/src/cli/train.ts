// `pnpm train [--out model.json] [data.jsonl(.gz) ...]`: trains the talk-move tagger and writes the model file.
import { createReadStream, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createGunzip } from 'node:zlib';
import { parseTalkMovesLine, type TalkMovesRow } from '../domain/tagging/dataset.js';
import { DEFAULT_TRAIN_OPTIONS, trainTalkMovesModel } from '../domain/tagging/pipeline.js';

/** The repository root, from this file's place in it (not the working directory). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
/** TalkMoves sits beside the repository (CI clones it with shared/ next to it); TALKMOVES_DATA overrides. */
export const DEFAULT_DATA_PATH = resolve(
  REPO_ROOT,
  process.env.TALKMOVES_DATA ?? '../shared/data/talkmoves/train.jsonl.gz',
);
export const DEFAULT_MODEL_PATH = resolve(REPO_ROOT, 'shared/models/talkmoves.json');

export const TALKMOVES_LICENSE = 'CC-BY-NC-SA-4.0';
export const TALKMOVES_ATTRIBUTION =
  'Adapted from the TalkMoves dataset (SumnerLab/TalkMoves, commit 869b940): Suresh, A., Jacobs, J., Harty, C., ' +
  'Perkoff, M., Martin, J. H., & Sumner, T. (2022). "The TalkMoves Dataset: K-12 Mathematics Lesson Transcripts ' +
  'Annotated for Teacher and Student Discursive Moves." LREC 2022, 4654-4662. Licensed under Creative Commons ' +
  'Attribution-NonCommercial-ShareAlike 4.0 International; this model is adapted material under the same licence.';

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

/** Splits `--out x` from the positional data paths; no paths means the TalkMoves file. */
export function parseDataArgs(argv: readonly string[]): { out: string; data: string[] } {
  let out = DEFAULT_MODEL_PATH;
  const data: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--out' || a === '--model') out = resolve(argv[++i] ?? '');
    else if (a !== '--') data.push(resolve(a));
  }
  return { out, data: data.length > 0 ? data : [DEFAULT_DATA_PATH] };
}

async function main(): Promise<void> {
  const { out, data } = parseDataArgs(process.argv.slice(2));
  const started = performance.now();
  const rows = await readAll(data);
  console.log(`read ${rows.length} rows from ${data.join(', ')}`);
  const model = trainTalkMovesModel(
    rows,
    {
      license: TALKMOVES_LICENSE,
      attribution: TALKMOVES_ATTRIBUTION,
      sources: data.map((p) => p.replace(`${resolve(REPO_ROOT, '..')}/`, '')),
    },
    DEFAULT_TRAIN_OPTIONS,
    (line) => console.log(line),
  );
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(model)}\n`);
  for (const role of ['teacher', 'student'] as const) {
    console.log(`${role}: dev macro-F1 ${model.metrics.dev[role].macroF1.toFixed(4)}`);
  }
  console.log(`wrote ${out} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
