import type { Anticipation, AnticipationMatch, BoardMatch, LookFor, MatchEvidence } from './schema.js';
import { boardItems, normalizeExpression, normalizeWords, type BoardItem } from './boardContent.js';
import { isolated } from '../../protocol/readableText.js';

/** A live tag of a board text, as far as the matcher needs it (a teacher's correction wins). */
export interface BoardTag {
  shapeId: string | null;
  move: string;
}

/** What one look-for found in one item: the words as the evidence shows them. */
interface Hit {
  shapeId: string;
  shown: string;
}

const MAX_EVIDENCE = 4;

/** Word boundaries in normalized text: a phrase matches whole words, in order. */
const containsPhrase = (words: string, phrase: string) =>
  phrase.length > 0 && ` ${words} `.includes(` ${phrase} `);

/** A normalized expression inside another, not as part of a longer number ("2/3" is not in "12/35"). */
function containsExpression(haystack: string, needle: string): boolean {
  let from = 0;
  for (;;) {
    const at = haystack.indexOf(needle, from);
    if (at < 0) return false;
    const before = haystack[at - 1];
    const after = haystack[at + needle.length];
    if (!(before && /[\d.]/.test(before)) && !(after && /[\d.]/.test(after))) return true;
    from = at + 1;
  }
}

/** Compiled once per anticipation set: phrase alternatives and expressions normalized like board text. */
interface PreparedLookFor {
  lookFor: LookFor;
  phrases: Array<{ normalized: string; shown: string }>;
  expression: string;
}

function prepare(lookFor: LookFor): PreparedLookFor {
  const phrases =
    lookFor.kind === 'phrase'
      ? lookFor.text
          .split('|')
          .map((p) => p.trim())
          .filter(Boolean)
          .map((p) => ({ normalized: normalizeWords(p), shown: p }))
      : [];
  return {
    lookFor,
    phrases,
    expression: lookFor.kind === 'expression' ? normalizeExpression(lookFor.text) : '',
  };
}

function hitsIn(p: PreparedLookFor, item: BoardItem, tags: readonly BoardTag[]): string | null {
  const l = p.lookFor;
  switch (l.kind) {
    case 'phrase': {
      const found = p.phrases.find((ph) => containsPhrase(item.words, ph.normalized));
      return found ? `"${isolated(found.shown)}"` : null;
    }
    case 'value': {
      const n = item.numbers.find((x) => Math.abs(x.value - l.value) <= l.tolerance + 1e-9);
      return n ? n.raw : null;
    }
    case 'expression':
      return p.expression && item.expressions.some((e) => containsExpression(e, p.expression))
        ? isolated(l.text)
        : null;
    case 'representation':
      return item.kind === l.representation || item.representation === l.representation ? '' : null;
    case 'talkMove':
      return tags.some((t) => t.shapeId === item.shapeId && t.move === l.move)
        ? `tagged ${l.move.replace(/_/g, ' ')}`
        : null;
  }
}

/** "table with "per pen", 0.67 and 0.60". */
function describe(item: BoardItem, shown: string[]): string {
  const parts = [...new Set(shown.filter(Boolean))];
  if (parts.length === 0) return item.label;
  const list =
    parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
  return `${item.label} with ${list}`;
}

function matchOne(
  anticipation: Anticipation,
  prepared: readonly PreparedLookFor[],
  items: readonly BoardItem[],
  tags: readonly BoardTag[],
): { match: AnticipationMatch; usedItems: Set<string> } {
  let score = 0;
  const byItem = new Map<string, string[]>();
  for (const p of prepared) {
    const hits: Hit[] = [];
    for (const item of items) {
      const shown = hitsIn(p, item, tags);
      if (shown !== null) hits.push({ shapeId: item.shapeId, shown });
    }
    if (hits.length === 0) continue;
    // A look-for counts once however many items show it.
    score += p.lookFor.weight;
    if (p.lookFor.weight <= 0) continue;
    for (const h of hits) byItem.set(h.shapeId, [...(byItem.get(h.shapeId) ?? []), h.shown]);
  }
  const matched = score >= anticipation.threshold;
  const evidence: MatchEvidence[] = [];
  for (const item of items) {
    const shown = byItem.get(item.shapeId);
    if (shown && evidence.length < MAX_EVIDENCE)
      evidence.push({ shapeId: item.shapeId, text: describe(item, shown) });
  }
  return {
    match: {
      anticipationId: anticipation.id,
      kind: anticipation.kind,
      score: Math.round(score * 100) / 100,
      threshold: anticipation.threshold,
      matched,
      evidence,
    },
    usedItems: matched ? new Set(byItem.keys()) : new Set(),
  };
}

/** The look-fors normalized once, for matching many boards against one set of anticipations. */
export type PreparedAnticipations = ReadonlyArray<{
  anticipation: Anticipation;
  lookFors: PreparedLookFor[];
}>;

export function prepareAnticipations(anticipations: readonly Anticipation[]): PreparedAnticipations {
  return anticipations.map((anticipation) => ({
    anticipation,
    lookFors: anticipation.lookFors.map(prepare),
  }));
}

/**
 * Matches a board's work against the anticipations: each look-for found anywhere on the board adds its
 * weight once; an anticipation matches when the sum reaches its threshold. Evidence names the items and what
 * was found in them. Work with numbers or math content that fed no matched anticipation is "not anticipated".
 * Pure: the records, the board's tags and the anticipations in, the matches out.
 */
export function matchBoard(
  records: Iterable<unknown>,
  tags: readonly BoardTag[],
  anticipations: readonly Anticipation[] | PreparedAnticipations,
): BoardMatch {
  const prepared = isPrepared(anticipations) ? anticipations : prepareAnticipations(anticipations);
  const items = boardItems(records);
  const used = new Set<string>();
  const matches = prepared.map(({ anticipation, lookFors }) => {
    const { match, usedItems } = matchOne(anticipation, lookFors, items, tags);
    for (const id of usedItems) used.add(id);
    return match;
  });
  const notAnticipated = items
    .filter((item) => item.substantive && !used.has(item.shapeId))
    .slice(0, MAX_EVIDENCE)
    .map((item) => ({
      shapeId: item.shapeId,
      text: describe(
        item,
        item.numbers.slice(0, 3).map((n) => n.raw),
      ),
    }));
  return { matches, notAnticipated };
}

function isPrepared(a: readonly Anticipation[] | PreparedAnticipations): a is PreparedAnticipations {
  const first = a[0] as { lookFors?: unknown; anticipation?: unknown } | undefined;
  return first !== undefined && 'anticipation' in first;
}
