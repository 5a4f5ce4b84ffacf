import { CUE_PHRASES } from './cuePhrases.js';
import type { Contribution, SpeakerRole } from './labels.js';
import { countBucket, lengthBucket, overlapFeatures, ratioBucket, type Feature } from './overlap.js';
import { contentTokens, looksLikeQuestion } from './text.js';

// The other role's turn is context, not the contribution: its words count for less than its shape.
const TURN_CUE_WEIGHT = 0.7;
const TURN_WORD_WEIGHT = 0.3;

interface Turn {
  /** Index in the context of the turn's first sentence. */
  start: number;
  tokens: string[];
  asks: boolean;
}

/** The run of consecutive contributions by one role that ends at `end`: one speaker's turn, sentence by sentence. */
function turnEndingAt(
  context: readonly Contribution[],
  tokensAt: (i: number) => string[],
  end: number,
): Turn {
  const role = context[end]!.role;
  let start = end;
  while (start > 0 && context[start - 1]!.role === role) start--;
  const tokens: string[] = [];
  let asks = false;
  for (let i = start; i <= end; i++) {
    const t = tokensAt(i);
    if (looksLikeQuestion(t)) asks = true;
    tokens.push(...t);
  }
  return { start, tokens, asks };
}

/**
 * The previous speaker's whole turn (TalkMoves rows are sentences, so the previous row is often the same
 * speaker): whether it asked, how long it was, its cue phrases and words, how much of it this sentence
 * takes up, and where this sentence sits in its own turn. Revoicing and restating hinge on a student's
 * claim just before a teacher's first sentence; relating on the classmate's turn, not its last sentence.
 * Also the speaker's own turn before that one (the teacher's question the student answered).
 */
export function turnFeatures(
  role: SpeakerRole,
  tokens: readonly string[],
  context: readonly Contribution[],
  tokensAt: (i: number) => string[],
  out: Feature[],
): void {
  let otherAt = -1;
  for (let i = context.length - 1; i >= 0; i--) {
    if (context[i]!.role !== role) {
      otherAt = i;
      break;
    }
  }
  if (otherAt < 0) return;
  const pos = countBucket(context.length - 1 - otherAt);
  const turn = turnEndingAt(context, tokensAt, otherAt);
  const q = tokens.includes('?') ? 'q' : 's';
  out.push({ name: `t:pos:${pos}`, value: 1 });
  out.push({ name: `t:asks:${turn.asks}&${q}`, value: 1 });
  out.push({ name: `t:asks:${turn.asks}&pos:${pos}`, value: 1 });
  out.push({ name: `t:len:${lengthBucket(turn.tokens.length)}`, value: 1 });
  out.push({ name: `t:len:${lengthBucket(turn.tokens.length)}&pos:${pos}`, value: 1 });
  const joined = ` ${turn.tokens.join(' ')} `;
  for (const cue of CUE_PHRASES) {
    if (joined.includes(` ${cue} `)) out.push({ name: `t:cue:${cue}`, value: TURN_CUE_WEIGHT });
  }
  for (const w of new Set(contentTokens(turn.tokens)))
    out.push({ name: `t:w:${w}`, value: TURN_WORD_WEIGHT });
  overlapFeatures('t', tokens, turn.tokens, out);
  const own = contentTokens(tokens);
  const theirs = new Set(contentTokens(turn.tokens));
  let shared = 0;
  for (const t of own) if (theirs.has(t)) shared++;
  const ov = ratioBucket(own.length === 0 ? 0 : shared / own.length);
  out.push({ name: `t:ov:${ov}&pos:${pos}&asks:${turn.asks}`, value: 1 });
  out.push({ name: `t:ov:${ov}&f1:${tokens[0] ?? ''}`, value: 1 });
  if (turn.start === 0) {
    out.push({ name: 'm:none', value: 1 });
    return;
  }
  const mine = turnEndingAt(context, tokensAt, turn.start - 1);
  out.push({ name: `m:asks:${mine.asks}&t:asks:${turn.asks}`, value: 1 });
  overlapFeatures('m', tokens, mine.tokens, out);
}
