/**
 * Precision and recall of the anticipation matcher per anticipation, on the dev authors and on the held-out
 * authors of the frozen set (shared/anticipations/), with the default anticipations.
 *
 *   pnpm --silent evaluate:anticipations [--errors] [--dev]
 *
 * --errors lists dev mistakes (never held-out ones); --dev prints the dev split alone, for tuning.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_ANTICIPATIONS } from '../domain/anticipation/defaultSet.js';
import {
  evaluateMatcher,
  precision,
  recall,
  type Counts,
  type LabelledBoard,
} from '../domain/anticipation/evaluate.js';

export function loadEvaluationSet(dir: string): LabelledBoard[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .flatMap(
      (f) => (JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as { boards: LabelledBoard[] }).boards,
    );
}

const fmt = (x: number) => (Number.isNaN(x) ? '  —  ' : x.toFixed(2).padStart(5));
const row = (name: string, c: Counts) =>
  `${name.padEnd(20)} ${fmt(precision(c))} ${fmt(recall(c))}   ${String(c.tp).padStart(2)} ${String(c.fp).padStart(2)} ${String(c.fn).padStart(2)}`;

function main(): void {
  const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../anticipations');
  const boards = loadEvaluationSet(dir);
  const splits = process.argv.includes('--dev') ? (['dev'] as const) : (['dev', 'heldout'] as const);
  for (const split of splits) {
    const figures = evaluateMatcher(boards, DEFAULT_ANTICIPATIONS, split);
    console.log(
      `\n${split === 'dev' ? 'dev (tuned on)' : 'held-out (never tuned on)'}: ${figures.boards} boards`,
    );
    console.log(`${'anticipation'.padEnd(20)} prec.  recall  tp fp fn`);
    for (const [id, counts] of Object.entries(figures.perAnticipation)) console.log(row(id, counts));
    console.log(row('all anticipations', figures.micro));
    if (split === 'dev' && process.argv.includes('--errors'))
      for (const e of figures.errors) console.log(`  ${e}`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) main();
