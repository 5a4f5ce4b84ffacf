import type { Feature } from './features.js';

const OVERLAP_SOURCE: Record<string, string> = {
  p: 'the previous contribution',
  o: 'the last contribution from the other role',
  s: 'an earlier contribution from someone else in the same role',
};
const OVERLAP_AMOUNT: Record<string, string> = {
  '0': 'shares no words with',
  low: 'shares a few words with',
  mid: 'shares some words with',
  high: 'repeats most words of',
  all: 'repeats the words of',
};

function quoted(words: string): string {
  if (words === '?') return 'question mark';
  const text = words
    .replace(/_/g, ' ')
    .replace(/<num>/g, 'a number')
    .replace(/<frac>/g, 'a fraction')
    .replace(/<var>/g, 'a variable');
  return `"${text}"`;
}

/**
 * A feature name in words a teacher can read; null for features that explain nothing on their own
 * (character n-grams, length of the previous line, the bias-like "no context").
 */
export function readableCue(name: string): string | null {
  const colon = name.indexOf(':');
  const kind = name.slice(0, colon);
  const rest = name.slice(colon + 1);
  switch (kind) {
    case 'w':
    case 'cue':
      return quoted(rest);
    case 'b': {
      const [a, b] = rest.split('_');
      if (a === '^') return `starts with ${quoted(b ?? '')}`;
      if (b === '$') return a === '?' ? 'question mark' : `ends with ${quoted(a ?? '')}`;
      return quoted(rest);
    }
    case 'f1':
    case 'f2':
      return `starts with ${quoted(rest.replace(/_$/, ''))}`;
    case 'q':
      return rest === 'mark' ? 'question mark' : 'phrased as a question';
    case 'has':
      return 'names a classmate';
    case 'math':
      return 'mathematical words';
    case 'len':
      return `${rest} words long`;
    case 'p': {
      if (rest.startsWith('role:')) return `follows a ${rest.slice(5)}`;
      if (rest.startsWith('q:')) return `answers a ${rest.slice(2)}'s question`;
      if (rest.startsWith('w:')) return `previous contribution says ${quoted(rest.slice(2))}`;
      return overlapCue(kind, rest);
    }
    case 'o':
    case 's':
      return overlapCue(kind, rest);
    default:
      return null;
  }
}

function overlapCue(source: string, rest: string): string | null {
  const m = /^ov:([a-z0-9]+)/.exec(rest);
  if (m) return `${OVERLAP_AMOUNT[m[1]!] ?? 'overlaps'} ${OVERLAP_SOURCE[source]}`;
  const b = /^sb:(\d\+?)/.exec(rest);
  if (b && b[1] !== '0') return `shares word pairs with ${OVERLAP_SOURCE[source]}`;
  return null;
}

/** The readable cues of the features that pushed hardest toward the chosen move, strongest first. */
export function topCues(
  features: readonly Feature[],
  contributions: readonly number[],
  limit: number,
): string[] {
  const order = contributions
    .map((c, i) => ({ c, i }))
    .filter((e) => e.c > 0)
    .sort((a, b) => b.c - a.c);
  const out: string[] = [];
  for (const { i } of order) {
    const cue = readableCue(features[i]!.name);
    if (cue !== null && !out.includes(cue)) out.push(cue);
    if (out.length >= limit) break;
  }
  return out;
}
