import { wordClass } from './wordClasses.js';

/** A run of characters of a contribution's text: `text.slice(start, end)`. */
export interface TextSpan {
  start: number;
  end: number;
}

/** Why a contribution was tagged, in a teacher's terms rather than the tagger's features. */
export interface TagExplanation {
  /** The contribution's own words that led to the tag, in text order, whole words, touching runs merged. */
  spans: TextSpan[];
  /** What led to it that is not a word of it (where it sits in the talk, its form), as short clauses. */
  reasons: string[];
}

// The same tokens as `tokenize`, found in the text as written so they can be marked in it.
const TOKEN_RE = /[a-z]+(?:'[a-z]+)*|\d+(?:[./,]\d+)*|\?/g;
const APOSTROPHES = /[\u2018\u2019\u02bc]/g;

interface Token {
  word: string;
  start: number;
  end: number;
}

function tokensWithPlaces(text: string): Token[] {
  // Folding case one character at a time keeps every offset a place in the original text.
  const folded = [...text]
    .map((c) => {
      const lower = c.toLowerCase();
      return lower.length === c.length ? lower : c;
    })
    .join('')
    .replace(APOSTROPHES, "'");
  return [...folded.matchAll(TOKEN_RE)].map((m) => ({
    word: m[0],
    start: m.index,
    end: m.index + m[0].length,
  }));
}

// `readableCue` writes the classes of numbers, fractions and variables as words; read them back.
const CLASS_WORDS: Record<string, string> = {
  'a number': '<num>',
  'a fraction': '<frac>',
  'a variable': '<var>',
};

/** A cue's quoted words as a pattern of tokens: each a word, or a class ("a number") any of whose words fit. */
function patternOf(phrase: string): string[] {
  const words = phrase.split(/\s+/).filter((w) => w !== '');
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const cls = CLASS_WORDS[`${words[i]} ${words[i + 1]}`];
    if (cls !== undefined) {
      out.push(cls);
      i++;
    } else {
      out.push(words[i]!);
    }
  }
  return out;
}

function find(
  tokens: readonly Token[],
  pattern: readonly string[],
  where: 'start' | 'end' | 'any',
): TextSpan[] {
  const fits = (t: Token, p: string) => t.word === p || wordClass(t.word) === p;
  const found: TextSpan[] = [];
  for (let i = 0; i + pattern.length <= tokens.length; i++) {
    if (where === 'start' && i > 0) break;
    if (where === 'end' && i + pattern.length !== tokens.length) continue;
    if (pattern.every((p, j) => fits(tokens[i + j]!, p))) {
      found.push({ start: tokens[i]!.start, end: tokens[i + pattern.length - 1]!.end });
    }
  }
  return found;
}

/** A literal "a number" in the text matches as words when it is not there as a class. */
function spansOf(tokens: readonly Token[], phrase: string, where: 'start' | 'end' | 'any'): TextSpan[] {
  const asClasses = find(tokens, patternOf(phrase), where);
  return asClasses.length > 0 ? asClasses : find(tokens, phrase.split(/\s+/), where);
}

// What belongs to a word as written: tokens stop at "$" and "3x" is two, but a mark may not cut either.
const WORD_CHAR = /[\p{L}\p{N}$€£%]/u;

/** A span grown to the whole written word at each end where it ends on a word (a "?" stays alone). */
function wholeWords(text: string, { start, end }: TextSpan): TextSpan {
  const inWord = (i: number) => WORD_CHAR.test(text[i] ?? '');
  if (inWord(start)) while (inWord(start - 1)) start--;
  if (inWord(end - 1)) while (inWord(end)) end++;
  return { start, end };
}

/** Marks in text order; overlapping ones, or ones with only spaces between, as one ("Dividing the price"). */
function merged(text: string, spans: TextSpan[]): TextSpan[] {
  const sorted = spans.map((s) => wholeWords(text, s)).sort((a, b) => a.start - b.start || b.end - a.end);
  const out: TextSpan[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && /^[ \t]*$/.test(text.slice(last.end, Math.max(last.end, s.start)))) {
      last.end = Math.max(last.end, s.end);
    } else out.push({ ...s });
  }
  return out;
}

/** What a contribution was tagged against: the lesson's talk, or (for a reflection) the prompt it answers. */
export type TaggedAgainst = 'talk' | 'reflection';

/** Cues about the contribution's place in the talk or its form, as clauses that follow "it". */
function reasonOf(cue: string): string | null {
  if (cue === 'phrased as a question') return 'is phrased as a question';
  if (cue === 'names a classmate') return 'names a classmate';
  if (cue === 'mathematical words') return 'uses mathematical words';
  const follows = /^follows a (teacher|student)$/.exec(cue);
  if (follows) return `comes right after the ${follows[1]}`;
  const answers = /^answers a (teacher|student)'s question$/.exec(cue);
  if (answers) return `answers the ${answers[1]}'s question`;
  const says = /^previous contribution says "(.*)"$/.exec(cue);
  if (says) return `follows a contribution with “${says[1]}” in it`;
  if (/^(shares|repeats) /.test(cue)) return cue;
  return null;
}

const ANSWERS_PROMPT = 'answers the reflection prompt';

/**
 * A reflection is tagged with its prompt as the only line before it (the teacher's, to the tagger): every cue
 * about what came before is about the prompt, which nobody said in the lesson.
 */
function reflectionReasonOf(cue: string): string | null {
  if (/^follows a teacher$|^answers a teacher's question$/.test(cue)) return ANSWERS_PROMPT;
  const says = /^previous contribution says "(.*)"$/.exec(cue);
  if (says) return `answers a reflection prompt with “${says[1]}” in it`;
  const overlap =
    /^((?:shares|repeats) .*) (?:the previous contribution|the last contribution from the other role)$/.exec(
      cue,
    );
  if (overlap) return `${overlap[1]} the reflection prompt`;
  return reasonOf(cue);
}

/**
 * Turns a tag's cues (`readableCue`'s words, stored with every tag) into what a teacher can check: the
 * words of the contribution that led to the tag, marked in place, and the other reasons in plain clauses.
 * Cues that say nothing a teacher can check (a length, a class of words absent from the text, such as a
 * question-type family) are left out; a reflection's cues about what came before name its prompt. Pure, and
 * reads tags stored before it was written.
 */
export function explainTag(
  text: string,
  cues: readonly string[],
  against: TaggedAgainst = 'talk',
): TagExplanation {
  const tokens = tokensWithPlaces(text);
  const spans: TextSpan[] = [];
  const reasons: string[] = [];
  for (const cue of cues) {
    if (cue === 'question mark') {
      spans.push(...find(tokens, ['?'], 'any'));
      continue;
    }
    const words = /^(?:(starts with|ends with|[a-z ]+:) )?"(.*)"$/.exec(cue);
    if (words) {
      const where = words[1] === 'starts with' ? 'start' : words[1] === 'ends with' ? 'end' : 'any';
      spans.push(...spansOf(tokens, words[2]!, where));
      continue;
    }
    const reason = against === 'reflection' ? reflectionReasonOf(cue) : reasonOf(cue);
    if (reason !== null && !reasons.includes(reason)) reasons.push(reason);
  }
  // "answers the reflection prompt and answers a reflection prompt with “what” in it": the second says both.
  const saysWhatPromptSays = reasons.some((r) => r.startsWith('answers a reflection prompt with'));
  return {
    spans: merged(text, spans),
    reasons: saysWhatPromptSays ? reasons.filter((r) => r !== ANSWERS_PROMPT) : reasons,
  };
}
