import { charGramHashes, type FeatureSet, type Feature } from './features.js';
import type { Contribution, SpeakerRole } from './labels.js';
import { isNumberToken, looksLikeQuestion, normalizeText, tokenize } from './text.js';

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

/** The sentence that asks: the last one with a question mark, else the last that opens with a prompt verb. */
export function askingClause(text: string): string[] {
  const sentences = normalizeText(text)
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => tokenize(s))
    .filter((t) => t.length > 0);
  for (let i = sentences.length - 1; i >= 0; i--) if (sentences[i]!.includes('?')) return sentences[i]!;
  for (let i = sentences.length - 1; i >= 0; i--) {
    if (PROMPT_VERBS.has(stripOpening(sentences[i]!)[0] ?? '')) return sentences[i]!;
  }
  return sentences[sentences.length - 1] ?? [];
}

/** Tokens after the fillers and the vocative name at the start ("okay so Maya why …" → "why …"). */
export function stripOpening(tokens: readonly string[]): readonly string[] {
  let i = 0;
  while (i < tokens.length - 1 && FILLERS.has(tokens[i]!)) i++;
  return tokens.slice(i);
}

const CHAR_WEIGHT = 0.15;

/** Features of one question for the question-type model: words, the asking clause's opening, cue families. */
export function extractQuestionFeatures(input: QuestionFeatureInput): FeatureSet {
  const tokens = tokenize(input.text);
  const words = tokens.map((t) => (isNumberToken(t) ? '<num>' : t));
  const named: Feature[] = [];
  for (const w of new Set(words)) named.push({ name: `w:${w}`, value: 1 });
  const padded = ['^', ...words, '$'];
  for (let i = 1; i < padded.length; i++) named.push({ name: `b:${padded[i - 1]}_${padded[i]}`, value: 1 });
  const clause = stripOpening(askingClause(input.text)).map((t) => (isNumberToken(t) ? '<num>' : t));
  named.push({ name: `o1:${clause[0] ?? ''}`, value: 1 });
  named.push({ name: `o2:${clause[0] ?? ''}_${clause[1] ?? ''}`, value: 1 });
  named.push({ name: `o3:${clause[0] ?? ''}_${clause[1] ?? ''}_${clause[2] ?? ''}`, value: 1 });
  if (!looksLikeQuestion(tokens) && PROMPT_VERBS.has(clause[0] ?? ''))
    named.push({ name: 'prompt', value: 1 });
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
