/** Tokens of a contribution: lowercased words (with apostrophes), numbers and fractions, and ? marks. */
const TOKEN_RE = /[a-z]+(?:'[a-z]+)*|\d+(?:[./,]\d+)*|\?/g;

export function tokenize(text: string): string[] {
  return normalizeText(text).match(TOKEN_RE) ?? [];
}

/** Lowercase, with typographic quotes and dashes folded so transcripts and typed notes look alike. */
export function normalizeText(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/\u2026/g, '...');
}

export function isNumberToken(token: string): boolean {
  return /^\d/.test(token);
}

/** Function words carry form (questions, stance) but not shared content, so overlap ignores them. */
const STOP_WORDS = new Set(
  (
    "a an the and or but so to of in on at for with is are was were be been am it it's its this that these those " +
    'i you he she we they me him her us them my your our their um uh like okay ok yeah yes no oh well just ' +
    'do does did have has had what how why can could would will there here then if as by from not'
  ).split(' '),
);

export function contentTokens(tokens: readonly string[]): string[] {
  return tokens.filter((t) => t !== '?' && !STOP_WORDS.has(t));
}

const WH_WORDS = new Set(['what', 'why', 'how', 'where', 'when', 'which', 'who', 'whose', 'whom']);
/** Auxiliaries that open a yes/no question ("do you …", "is it …"). */
export const AUX_STARTS: ReadonlySet<string> = new Set([
  'do',
  'does',
  'did',
  'can',
  'could',
  'would',
  'will',
  'is',
  'are',
  'was',
  'were',
  'should',
  'shall',
  'may',
  'might',
  'have',
  'has',
  'am',
  "isn't",
  "aren't",
  "don't",
  "doesn't",
  "can't",
  "won't",
  "wouldn't",
]);

/** A question mark, or a sentence that opens like one ("why …", "can you …", "is it …"). */
export function looksLikeQuestion(tokens: readonly string[]): boolean {
  if (tokens.includes('?')) return true;
  const first = tokens[0];
  if (first === undefined) return false;
  if (WH_WORDS.has(first)) return tokens.length > 1;
  return AUX_STARTS.has(first) && tokens.length > 2;
}

/** Tokens of each text, computed at most once: several features read the same context rows. */
export function tokensOf(items: readonly { text: string }[]): (i: number) => string[] {
  const cache: (string[] | undefined)[] = [];
  return (i) => (cache[i] ??= tokenize(items[i]?.text ?? ''));
}
