import { CUE_PHRASES } from './cuePhrases.js';
import type { Contribution, SpeakerRole } from './labels.js';
import { countBucket, lengthBucket, overlapFeatures, type Feature } from './overlap.js';
import { looksLikeQuestion, tokenize, tokensOf } from './text.js';
import { turnFeatures } from './turnFeatures.js';
import { isMathWord, wordClass } from './wordClasses.js';

export { CUE_PHRASES } from './cuePhrases.js';
export { lengthBucket, ratioBucket, type Feature } from './overlap.js';

/** Named features (readable, used for cues) and the hashed character n-grams (weight CHAR_WEIGHT each). */
export interface FeatureSet {
  named: Feature[];
  charHashes: number[];
}

export interface FeatureInput {
  role: SpeakerRole;
  text: string;
  context: readonly Contribution[];
  /** The contributions after this one, soonest first; absent or empty when none is known yet. */
  next?: readonly Contribution[];
}

// Character n-grams are many and individually weak; previous-utterance words are only context.
export const CHAR_WEIGHT = 0.35;
const PREV_WORD_WEIGHT = 0.5;
const CHAR_MIN = 3;
const CHAR_MAX = 5;

function wordFeatures(tokens: readonly string[], raw: string, out: Feature[]): void {
  const words = tokens.map(wordClass);
  for (const w of new Set(words)) out.push({ name: `w:${w}`, value: 1 });
  for (const t of new Set(tokens)) if (wordClass(t) !== t) out.push({ name: `w:${t}`, value: 0.5 });
  const math = tokens.filter(isMathWord).length;
  if (math > 0) out.push({ name: `math:${countBucket(math)}`, value: 1 });
  const padded = ['^', ...words, '$'];
  for (let i = 1; i < padded.length; i++) out.push({ name: `b:${padded[i - 1]}_${padded[i]}`, value: 1 });
  out.push({ name: `f1:${words[0] ?? ''}`, value: 1 });
  out.push({ name: `f2:${words[0] ?? ''}_${words[1] ?? ''}`, value: 1 });
  out.push({ name: `len:${lengthBucket(tokens.length)}`, value: 1 });
  if (tokens.includes('?')) out.push({ name: 'q:mark', value: 1 });
  if (looksLikeQuestion(tokens)) out.push({ name: 'q:form', value: 1 });
  // A capitalised word after the first is most often a classmate's name ("I agree with Maya").
  if (/\s(?!I\b)[A-Z][a-z]+/.test(raw)) out.push({ name: 'has:name', value: 1 });
  const joined = ` ${tokens.join(' ')} `;
  for (const cue of CUE_PHRASES) if (joined.includes(` ${cue} `)) out.push({ name: `cue:${cue}`, value: 1 });
}

/** FNV-1a state after the prefix "c:", so a character n-gram hashes as fnv1a(`c:${gram}`) would. */
const FNV_OFFSET = 0x811c9dc5;
function fnvStep(h: number, code: number): number {
  return Math.imul(h ^ code, 0x01000193);
}
const CHAR_PREFIX_STATE = fnvStep(fnvStep(FNV_OFFSET, 'c'.charCodeAt(0)), ':'.charCodeAt(0));
const SPACE = 32;

/**
 * Hashes of the distinct character n-grams of each space-padded token, computed without building the
 * n-gram strings: they are most of a contribution's features and would otherwise dominate tagging time.
 * Equal to `fnv1a('c:' + gram)` for each gram.
 */
export function charGramHashes(tokens: readonly string[]): number[] {
  const seen = new Set<number>();
  for (const t of tokens) {
    const len = t.length + 2;
    for (let n = CHAR_MIN; n <= CHAR_MAX; n++) {
      for (let i = 0; i + n <= len; i++) {
        let h = CHAR_PREFIX_STATE;
        for (let j = i; j < i + n; j++)
          h = fnvStep(h, j === 0 || j === len - 1 ? SPACE : t.charCodeAt(j - 1));
        seen.add(h >>> 0);
      }
    }
  }
  return [...seen];
}

function contextFeatures(
  role: SpeakerRole,
  tokens: readonly string[],
  context: readonly Contribution[],
  tokensAt: (i: number) => string[],
  out: Feature[],
): void {
  const prev = context[context.length - 1];
  if (prev === undefined) {
    out.push({ name: 'ctx:none', value: 1 });
    return;
  }
  const prevTokens = tokensAt(context.length - 1);
  out.push({ name: `p:role:${prev.role}`, value: 1 });
  const prevQ = looksLikeQuestion(prevTokens);
  if (prevQ) out.push({ name: `p:q:${prev.role}`, value: 1 });
  out.push({ name: `p:len:${lengthBucket(prevTokens.length)}`, value: 1 });
  out.push({ name: `p:f2:${prevTokens[0] ?? ''}_${prevTokens[1] ?? ''}`, value: 1 });
  for (const w of new Set(prevTokens)) out.push({ name: `p:w:${w}`, value: PREV_WORD_WEIGHT });
  overlapFeatures('p', tokens, prevTokens, out);

  // The latest contribution from the other role, and how far back it is.
  let otherAt = -1;
  for (let i = context.length - 1; i >= 0; i--) {
    if (context[i]?.role !== role) {
      otherAt = i;
      break;
    }
  }
  const other = context[otherAt];
  if (other === undefined) {
    out.push({ name: 'o:none', value: 1 });
  } else {
    out.push({ name: `o:dist:${countBucket(context.length - otherAt)}`, value: 1 });
    overlapFeatures('o', tokens, tokensAt(otherAt), out);
    // A same-role contribution before that one is most likely someone else's: relating hinges on it.
    for (let i = otherAt - 1; i >= 0; i--) {
      const item = context[i];
      if (item?.role === role) {
        overlapFeatures('s', tokens, tokensAt(i), out);
        break;
      }
    }
  }
}

/** Every feature of one contribution in its context, before hashing. */
export function extractFeatures(input: FeatureInput): FeatureSet {
  const tokens = tokenize(input.text);
  const named: Feature[] = [];
  wordFeatures(tokens, input.text, named);
  const tokensAt = tokensOf(input.context);
  contextFeatures(input.role, tokens, input.context, tokensAt, named);
  turnFeatures(input.role, tokens, input.context, tokensAt, named);
  return { named, charHashes: charGramHashes(tokens) };
}

/**
 * Features of what follows a contribution (Suresh et al., BEA 2022: the next utterance lifts talk-move F1):
 * who speaks next, whether they ask, how they open, their words, and how much they repeat. Kept apart from
 * the other features so the model can be trained to do without them (live tagging often has no next yet).
 */
export function extractNextFeatures(
  role: SpeakerRole,
  tokens: readonly string[],
  next: readonly Contribution[],
): Feature[] {
  const out: Feature[] = [];
  const first = next[0];
  if (first === undefined) return out;
  const nextTokens = tokenize(first.text);
  const same = first.role === role ? 'same' : 'other';
  out.push({ name: `n:role:${same}`, value: 1 });
  if (looksLikeQuestion(nextTokens)) out.push({ name: `n:q:${same}`, value: 1 });
  out.push({ name: `n:len:${lengthBucket(nextTokens.length)}`, value: 1 });
  out.push({ name: `n:f1:${same}:${nextTokens[0] ?? ''}`, value: 1 });
  out.push({ name: `n:f2:${nextTokens[0] ?? ''}_${nextTokens[1] ?? ''}`, value: 1 });
  for (const w of new Set(nextTokens)) out.push({ name: `n:w:${w}`, value: PREV_WORD_WEIGHT });
  overlapFeatures('n', tokens, nextTokens, out);
  const other = next.find((c) => c.role !== role);
  if (other !== undefined && other !== first) {
    const otherTokens = tokenize(other.text);
    out.push({ name: `n2:f2:${otherTokens[0] ?? ''}_${otherTokens[1] ?? ''}`, value: 1 });
    overlapFeatures('n2', tokens, otherTokens, out);
  }
  return out;
}
