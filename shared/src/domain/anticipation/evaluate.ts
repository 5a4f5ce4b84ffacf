import type { Anticipation } from './schema.js';
import { matchBoard, prepareAnticipations } from './matcher.js';

/** A labelled board of the evaluation set (see shared/anticipations/README.md). */
export interface LabelledBoard {
  id: string;
  author: string;
  split: 'dev' | 'heldout';
  should: string[];
  unsure: string[];
  notAnticipated: boolean;
  records: unknown[];
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

export interface SplitFigures {
  boards: number;
  /** Per anticipation id, and `not-anticipated` for the board-level "matches none" flag. */
  perAnticipation: Record<string, Counts>;
  micro: Counts;
  /** Dev only: what went wrong, to tune on (held-out errors are never printed). */
  errors: string[];
}

const empty = (): Counts => ({ tp: 0, fp: 0, fn: 0, tn: 0 });
const add = (c: Counts, predicted: boolean, actual: boolean) => {
  if (predicted && actual) c.tp++;
  else if (predicted) c.fp++;
  else if (actual) c.fn++;
  else c.tn++;
};

export const precision = (c: Counts) => (c.tp + c.fp === 0 ? NaN : c.tp / (c.tp + c.fp));
export const recall = (c: Counts) => (c.tp + c.fn === 0 ? NaN : c.tp / (c.tp + c.fn));

export function evaluateMatcher(
  boards: readonly LabelledBoard[],
  anticipations: readonly Anticipation[],
  split: 'dev' | 'heldout',
): SplitFigures {
  const prepared = prepareAnticipations(anticipations);
  const perAnticipation: Record<string, Counts> = { 'not-anticipated': empty() };
  for (const a of anticipations) perAnticipation[a.id] = empty();
  const micro = empty();
  const errors: string[] = [];
  const mine = boards.filter((b) => b.split === split);
  for (const board of mine) {
    const result = matchBoard(board.records, [], prepared);
    for (const m of result.matches) {
      if (board.unsure.includes(m.anticipationId)) continue;
      const actual = board.should.includes(m.anticipationId);
      add(perAnticipation[m.anticipationId] as Counts, m.matched, actual);
      add(micro, m.matched, actual);
      if (split === 'dev' && m.matched !== actual)
        errors.push(
          `${board.id}: ${m.matched ? 'false match' : 'missed'} ${m.anticipationId} (score ${m.score}/${m.threshold}) ${m.evidence.map((e) => e.text).join('; ')}`,
        );
    }
    const none = result.notAnticipated.length > 0 && !result.matches.some((m) => m.matched);
    add(perAnticipation['not-anticipated'] as Counts, none, board.notAnticipated);
    if (split === 'dev' && none !== board.notAnticipated)
      errors.push(`${board.id}: not-anticipated predicted ${none}, labelled ${board.notAnticipated}`);
  }
  return { boards: mine.length, perAnticipation, micro, errors };
}
