import { charGramHashes, type FeatureSet, type Feature } from './features.js';
import type { Contribution, SpeakerRole } from './labels.js';
import { isNumberToken, looksLikeQuestion, normalizeText, tokenize } from './text.js';
import { wordClass } from './questionWordClasses.js';

export interface QuestionFeatureInput {
  role: SpeakerRole;
  text: string;
  context?: readonly Contribution[];
}

/**
 * Word families from NCTM's definitions of the four types (Principles to Actions, 2014), written with the
 * labelling guide: they are features with learned weights, not rules — the model decides how much each counts.
 * `cue` is what a teacher reads when the family drives a decision.
 */
export const CUE_FAMILIES: readonly { name: string; pattern: RegExp; cue: string }[] = [
  {
    name: 'know',
    pattern:
      /\bhow (do|did|can|could|would|will|does|do we|can we) (you|we|they|i|she|he) (know|be sure|prove|convince|tell|justify|check)\b|\bhow do we know\b|\bhow (do|can) we be sure\b/,
    cue: 'how do you know',
  },
  {
    name: 'justify',
    pattern:
      /\b(prove|proof|justify|justification|convince|convincing|counterexample|evidence|argue|argument|reasonable|valid|refute|support)\b/,
    cue: 'justify',
  },
  {
    name: 'general',
    pattern:
      /\b(always|never|every time|sometimes|for (any|all|every)|any (number|fraction|ratio|case|shape|value)|all the numbers|forever)\b/,
    cue: 'always',
  },
  {
    name: 'still',
    pattern: /\b(still|also) (work|be true|hold|true|happen)|\bwork(s)? for\b|\bwork every\b|\bbreaks?\b/,
    cue: 'does it still work',
  },
  {
    name: 'agree',
    pattern: /\bwhy or why not\b|\b(agree|disagree)(s|d)?\b|\bright or wrong\b/,
    cue: 'agree',
  },
  {
    name: 'sure',
    pattern: /\b(are|is) (you|we|it|that) sure\b|\bmakes? sense\b|\bwhat if\b|\bbelieve\b|\bcorrect\b/,
    cue: 'are you sure',
  },
  {
    name: 'why-works',
    pattern: /\bwhy (does|do|is|are|would|should|will|can|can't|doesn't|isn't|must) /,
    cue: 'why does it',
  },
  {
    name: 'process',
    pattern:
      /\b(how|why|where|what) (did|do) you (get|find|figure|decide|know to|start|solve|set|do|try|mean|add|use|choose|think|come up)\b|\bhow did\b|\bwhy did\b/,
    cue: 'how did you',
  },
  {
    name: 'explain',
    pattern:
      /\b(explain|describe|walk (us|me)|tell (us|me)|say more|show (us|me|how)|talk (me|us) through)\b/,
    cue: 'explain',
  },
  {
    name: 'mean',
    pattern:
      /\bwhat (were|are) you (thinking|doing)\b|\bwhat do you mean\b|\bwhat did you mean\b|\bcome from\b|\byour (strategy|thinking|steps?|plan|method|work|reasoning)\b/,
    cue: 'your thinking',
  },
  {
    name: 'relate',
    pattern:
      /\brelat(e|es|ed|ion|ionship)\b|\bconnect(s|ed|ion|ions)?\b|\b(alike|similar|in common|same as|same thing|difference between|compare)\b/,
    cue: 'related',
  },
  {
    name: 'pattern',
    pattern: /\bpatterns?\b|\bstays? the same\b|\bchanges?\b|\bnotice\b/,
    cue: 'pattern',
  },
  {
    name: 'represent',
    pattern:
      /\brepresent(s|ed|ation|ations)?\b|\bstand for\b|\bshows? up\b|\b(mean|tell|tells) (us )?(about|for|in)\b|\bmeans? in (this|the)\b|\bin (the|this) (context|situation|story|problem)\b/,
    cue: 'represents',
  },
  {
    name: 'see-in',
    pattern:
      /\bwhere (do|does|can|is|are) .*\b(see|in (the|your|her|his) (graph|table|picture|model|equation|diagram|drawing))\b|\bin the (graph|table|picture|model|diagram|drawing)\b/,
    cue: 'where do you see',
  },
];

/** Openings that carry no type ("okay, so …", "Maya, …"): the question starts after them. */
const FILLERS = new Set([
  'okay',
  'ok',
  'so',
  'and',
  'but',
  'well',
  'now',
  'then',
  'um',
  'uh',
  'alright',
  'oh',
  'hey',
  'yeah',
  'like',
  'wait',
  'right',
]);

/** Assessment and task verbs that make an imperative sentence a question ("Find …", "Explain …"). */
export const PROMPT_VERBS = new Set([
  'explain',
  'tell',
  'describe',
  'show',
  'justify',
  'prove',
  'convince',
  'walk',
  'compare',
  'interpret',
  'match',
  'complete',
  'plot',
  'find',
  'solve',
  'evaluate',
  'simplify',
  'write',
  'state',
  'convert',
  'identify',
  'determine',
  'calculate',
  'compute',
  'estimate',
  'list',
  'name',
  'round',
  'critique',
  'decide',
  'predict',
  'use',
  'give',
  'draw',
  'label',
  'record',
  'support',
  'talk',
]);

/** Wh-openings, with the contracted forms typed and transcribed questions use ("whats the formula …"). */
export const WH_OPENINGS = new Set([
  'what',
  'why',
  'how',
  'where',
  'when',
  'which',
  'who',
  'whose',
  "what's",
  'whats',
  "how's",
  "how'd",
  "why'd",
  "where's",
  "who's",
]);

/**
 * The tokens where a sentence's request begins: after its fillers ("okay so why …"), and after a short opening
 * set off by a comma when a wh-word or a task verb follows it — an address or a frame ("Devon, walk us
 * through …", "In your own words, describe …", "Five-fifths, what is …").
 */
export function requestOpening(sentence: string): readonly string[] {
  const after = afterShortOpening(sentence);
  const first = after?.[0] ?? '';
  if (PROMPT_VERBS.has(first) || WH_OPENINGS.has(first)) return after!;
  return stripOpening(tokenize(sentence));
}

/** The tokens after a short opening set off by a comma (at most four words: "Devon,", "In your own words,"). */
export function afterShortOpening(sentence: string): readonly string[] | null {
  const comma = sentence.indexOf(',');
  if (comma <= 0 || tokenize(sentence.slice(0, comma)).length > 4) return null;
  return stripOpening(tokenize(sentence.slice(comma + 1)));
}

/** The sentences of a contribution, as written. */
export function sentencesOf(text: string): string[] {
  return normalizeText(text)
    .split(/(?<=[.!?])\s+|\n+/)
    .filter((s) => tokenize(s).length > 0);
}

/**
 * The request that asks, from its opening: the last sentence with a question mark, else the last that opens
 * with a task verb, else the last sentence.
 */
export function askingClause(text: string): readonly string[] {
  const openings = sentencesOf(text).map((s) => ({ asks: s.includes('?'), tokens: requestOpening(s) }));
  for (let i = openings.length - 1; i >= 0; i--) if (openings[i]!.asks) return openings[i]!.tokens;
  for (let i = openings.length - 1; i >= 0; i--) {
    if (PROMPT_VERBS.has(openings[i]!.tokens[0] ?? '')) return openings[i]!.tokens;
  }
  return openings[openings.length - 1]?.tokens ?? [];
}

/** Tokens after the fillers at the start ("okay so why …" → "why …"). */
export function stripOpening(tokens: readonly string[]): readonly string[] {
  let i = 0;
  while (i < tokens.length - 1 && FILLERS.has(tokens[i]!)) i++;
  return tokens.slice(i);
}

const CHAR_WEIGHT = 0.15;

/**
 * Word-class features of the asking clause (questionWordClasses.ts): the classes of its first one to three
 * words, every class in it and each class followed by the next, so phrasings an author never used still
 * share what they ask for.
 */
function classFeatures(clause: readonly string[], out: Feature[]): void {
  const classes = clause.filter((t) => t !== '?').map((t) => wordClass(t));
  const open = classes.slice(0, 3).map((c) => c ?? '_');
  out.push({ name: `k1:${open[0] ?? ''}`, value: 1 });
  out.push({ name: `k2:${open.slice(0, 2).join('_')}`, value: 1 });
  out.push({ name: `k3:${open.join('_')}`, value: 1 });
  const seq = classes.filter((c): c is string => c !== null);
  for (const c of new Set(seq)) out.push({ name: `kc:${c}`, value: 1 });
  for (let i = 1; i < seq.length; i++) out.push({ name: `kb:${seq[i - 1]}_${seq[i]}`, value: 1 });
}

/**
 * Features of one question for the question-type model: words, the asking clause's opening and word classes,
 * cue families.
 */
export function extractQuestionFeatures(input: QuestionFeatureInput): FeatureSet {
  const tokens = tokenize(input.text);
  const words = tokens.map((t) => (isNumberToken(t) ? '<num>' : t));
  const named: Feature[] = [];
  const clause = askingClause(input.text).map((t) => (isNumberToken(t) ? '<num>' : t));
  for (const w of new Set(words)) named.push({ name: `w:${w}`, value: 1 });
  const padded = ['^', ...words, '$'];
  for (let i = 1; i < padded.length; i++) named.push({ name: `b:${padded[i - 1]}_${padded[i]}`, value: 1 });
  named.push({ name: `o1:${clause[0] ?? ''}`, value: 1 });
  named.push({ name: `o2:${clause[0] ?? ''}_${clause[1] ?? ''}`, value: 1 });
  named.push({ name: `o3:${clause[0] ?? ''}_${clause[1] ?? ''}_${clause[2] ?? ''}`, value: 1 });
  const prompt = !looksLikeQuestion(tokens) && PROMPT_VERBS.has(clause[0] ?? '');
  if (prompt) named.push({ name: 'prompt', value: 1 });
  classFeatures(clause, named);
  named.push({ name: `role:${input.role}`, value: 1 });
  const joined = ` ${tokens.join(' ')} `;
  for (const family of CUE_FAMILIES) {
    if (family.pattern.test(joined)) named.push({ name: `fam:${family.name}`, value: 1 });
  }
  const prev = input.context?.[input.context.length - 1];
  if (prev) named.push({ name: `p:role:${prev.role}`, value: 1 });
  return { named, charHashes: charGramHashes(tokens) };
}

export const QUESTION_CHAR_WEIGHT = CHAR_WEIGHT;
