import type { QuestionType } from './labels.js';
import { looksLikeQuestion, normalizeText, tokenize } from './text.js';

/**
 * NCTM's four question types (Principles to Actions, 2014) by transparent rules. Rules are tried in order
 * and the first match decides, so the more specific intent wins: a question asking to justify or generalise
 * ("how do you know", "does it always work") before one about the student's own process ("how did you",
 * "explain"), before one about structure and connections ("how is … related to …"); any other question
 * asks for facts or procedures (gathering information). Written from the definitions, not fitted to data.
 */
interface QuestionRule {
  type: QuestionType;
  pattern: RegExp;
  /** What the rule looks for, for docs and tests; the cue shown is the matched text. */
  cue: string;
}

const J = 'encouraging_reflection_and_justification' as const;
const P = 'probing_thinking' as const;
const M = 'making_the_mathematics_visible' as const;

const RULES: readonly QuestionRule[] = [
  // Justification, argument and generalisation.
  {
    type: J,
    pattern:
      /\bhow (do|did|can|could|would|will|does) (you|we|they|i|she|he) (know|be sure|prove|convince|tell|justify|check)\b/,
    cue: 'how do you know',
  },
  {
    type: J,
    pattern: /\b(prove|proof|justify|justification|convince|counterexample|evidence|argue)\b/,
    cue: 'justify',
  },
  {
    type: J,
    pattern: /\b(always|every time|for (any|all|every)|any (number|fraction|ratio|case|shape|value))\b/,
    cue: 'always',
  },
  {
    type: J,
    pattern: /\b(still|also) (work|be true|hold|true|happen)|\bwork(s)? for\b|\bwork every\b/,
    cue: 'does it still work',
  },
  { type: J, pattern: /\bwhy or why not\b|\b(agree|disagree)(s|d)?\b/, cue: 'agree or disagree' },
  {
    type: J,
    pattern: /\b(are|is) (you|we|it|that) sure\b|\bmakes? sense\b|\bwhat if\b|\bbelieve\b/,
    cue: 'are you sure',
  },
  {
    type: J,
    pattern: /\bis there (a|any|another) (case|way|number|example|answer)\b|\banother answer\b|\bonly for\b/,
    cue: 'other cases',
  },
  {
    type: J,
    pattern: /\bwhy (does|do|is|are|would|should|will|can) (that|this|it|they|the rule|the method|\w+ing)\b/,
    cue: 'why does it work',
  },
  { type: J, pattern: /\bwhat would you say to\b|\bhow would you (convince|explain to)\b/, cue: 'argue' },
  // The student's own thinking and strategy.
  {
    type: P,
    pattern:
      /\b(how|why|where|what) (did|do) you (get|find|figure|decide|know to|start|solve|set|do|try|mean|add|use|choose|think|come up)\b/,
    cue: 'how did you',
  },
  { type: P, pattern: /\bwhy did (you|they|she|he|we)\b|\bhow did\b/, cue: 'why did you' },
  {
    type: P,
    pattern: /\b(explain|describe|walk (us|me)|tell (us|me)|say more|show (us|me|how))\b/,
    cue: 'explain',
  },
  {
    type: P,
    pattern:
      /\bwhat (were|are) you (thinking|doing)\b|\bwhat do you mean\b|\bwhat did you mean\b|\bcome from\b/,
    cue: 'your thinking',
  },
  {
    type: P,
    pattern:
      /\byour (strategy|thinking|steps?|plan|method|work|reasoning|arrows|second step|first step)\b|\bstrategy\b/,
    cue: 'strategy',
  },
  {
    type: P,
    pattern: /\bin your (equation|work|table|drawing|diagram|model|picture|answer)\b/,
    cue: 'your work',
  },
  // Structure, connections and relationships.
  { type: M, pattern: /\brelat(e|es|ed|ion|ionship)\b|\bconnect(s|ed|ion|ions)?\b/, cue: 'related' },
  {
    type: M,
    pattern: /\b(alike|similar|in common|same as|the same thing|difference between|compare)\b/,
    cue: 'alike',
  },
  { type: M, pattern: /\bpatterns?\b|\bstays? the same\b|\bchanges?\b/, cue: 'pattern' },
  {
    type: M,
    pattern: /\brepresent(s|ed|ation|ations)?\b|\bstand for\b|\bshows? up\b|\bsteep(er|ness)?\b/,
    cue: 'represents',
  },
  {
    type: M,
    pattern: /\bwhat does (the|each|this|that) .*\b(mean|tell|represent)\b|\bmeans? in (this|the)\b/,
    cue: 'what it means',
  },
  {
    type: M,
    pattern: /\bwhere (do|does|can|is|are) .*\b(see|in the (graph|table|picture|model|equation|diagram))\b/,
    cue: 'where do you see',
  },
];

/** Imperatives that ask a question without a question mark ("Explain why …"). */
const PROMPT_START = /^(explain|tell|describe|show|justify|prove|convince|walk|compare)\b/;

export function isQuestion(text: string): boolean {
  const tokens = tokenize(text);
  return looksLikeQuestion(tokens) || PROMPT_START.test(tokens.join(' '));
}

export interface QuestionTypeResult {
  questionType: QuestionType;
  /** The words that decided the type; null when no rule matched (gathering information by default). */
  cue: string | null;
}

/** Null when the text is not a question. */
export function classifyQuestion(text: string): QuestionTypeResult | null {
  if (!isQuestion(text)) return null;
  const normalized = ` ${tokenize(normalizeText(text)).join(' ')} `;
  for (const rule of RULES) {
    const match = rule.pattern.exec(normalized);
    if (match) return { questionType: rule.type, cue: match[0].trim() };
  }
  return { questionType: 'gathering_information', cue: null };
}
