import {
  PROMPT_VERBS,
  WH_OPENINGS,
  afterShortOpening,
  requestOpening,
  sentencesOf,
} from './questionFeatures.js';
import { AUX_STARTS, looksLikeQuestion, tokenize } from './text.js';

// Whether a contribution asks at all, before the question model types it. Written from general knowledge of
// how questions are posed without a question mark — task and assessment command words, typed questions that
// drop the "?" and the apostrophe, wonderings, invitations to the class — and checked against the training
// questions and a sample of TalkMoves statements of the fit split (docs/tagging.md); the held-out portions only
// measure it. The question model's own features keep `PROMPT_VERBS`: widening the detector does not move them.

/** Command words of tasks and assessment prompts beyond the model's `PROMPT_VERBS` ("Sketch …", "Share …"). */
const MORE_PROMPT_VERBS = new Set([
  'analyze',
  'analyse',
  'apply',
  'approximate',
  'argue',
  'arrange',
  'build',
  'check',
  'choose',
  'circle',
  'clarify',
  'classify',
  'connect',
  'construct',
  'count',
  'create',
  'define',
  'defend',
  'demonstrate',
  'design',
  'drag',
  'discuss',
  'elaborate',
  'enter',
  'examine',
  'expand',
  'explore',
  'figure',
  'fill',
  'generalize',
  'generalise',
  'graph',
  'guess',
  'illustrate',
  'investigate',
  'measure',
  'model',
  'organize',
  'organise',
  'partition',
  'persuade',
  'rank',
  'reflect',
  'relate',
  'rephrase',
  'represent',
  'restate',
  'revise',
  'rewrite',
  'select',
  'shade',
  'share',
  'sketch',
  'sort',
  'summarize',
  'summarise',
  'test',
  'translate',
  'type',
  'verify',
]);

/** Words that come before a command without carrying it: "Please explain …", "Next, find …" (not "First what I did"). */
const LEAD_INS = new Set([
  'please',
  'first',
  'next',
  'finally',
  'also',
  'now',
  'together',
  'quickly',
  'then',
]);

/** Interrogative openings typed without the apostrophe or a question mark ("hows that work", "isnt it 12"). */
const MORE_WH = new Set(['hows', 'wheres', 'whys', 'whos', 'whom']);
/** The auxiliaries that open a question, without "don't" (as often "Don't forget your units."). */
const AUX_OPENINGS = new Set([
  ...[...AUX_STARTS].filter((aux) => aux !== "don't"),
  'isnt',
  'arent',
  'doesnt',
  "didn't",
  'didnt',
  'cant',
  'wont',
  'wouldnt',
  "couldn't",
  'couldnt',
  "shouldn't",
  'shouldnt',
  "wasn't",
  'wasnt',
]);

/** Imperatives that lead into a prompt later in the sentence: "Look at the graph and explain …". */
const LEADING_IMPERATIVES = new Set([
  'be',
  'make',
  'look',
  'turn',
  'take',
  'pick',
  'go',
  'come',
  'raise',
  'work',
  'get',
  'read',
  'think',
  'try',
  'stop',
  'put',
]);
const LINKS = new Set(['and', 'then', 'to', 'you']);

/** Who an auxiliary opening asks about ("is it …", "can x be …"): without one, "have a seat" is not a question. */
const SUBJECTS = new Set([
  'you',
  'u',
  'ya',
  "y'all",
  'yall',
  'we',
  'they',
  'i',
  'he',
  'she',
  'it',
  'that',
  'this',
  'these',
  'those',
  'there',
  'everyone',
  'everybody',
  'anyone',
  'anybody',
  'someone',
  'somebody',
  'the',
  'your',
  'our',
  'my',
  'his',
  'her',
  'their',
  'all',
  'any',
  'each',
  'every',
]);

const HELP_TO = new Set([
  'understand',
  'see',
  'follow',
  'figure',
  'find',
  'count',
  'think',
  'know',
  'explain',
]);

/** The command words' other senses: "sort of", "guess what", "check it out", "say it's 2⁷". */
function isOtherSense(first: string, second: string, opening: readonly string[]): boolean {
  if (first === 'sort' || first === 'kind') return second === 'of';
  if (first === 'guess') return second === 'what' || second === 'so';
  if (first === 'check') return opening.slice(1, 5).includes('out');
  return false;
}

function isPromptVerb(token: string): boolean {
  return PROMPT_VERBS.has(token) || MORE_PROMPT_VERBS.has(token);
}

function asksInOpening(opening: readonly string[]): boolean {
  const [first = '', second = '', third = ''] = opening;
  if (PROMPT_VERBS.has(first)) return true;
  // A command word alone ("Measure.", "Check.") is as often an answer or a remark as a prompt.
  if (MORE_PROMPT_VERBS.has(first) && opening.length > 1 && !isOtherSense(first, second, opening))
    return true;
  if ((WH_OPENINGS.has(first) || MORE_WH.has(first)) && opening.length > 1) return true;
  if (AUX_OPENINGS.has(first) && opening.length > 2 && (SUBJECTS.has(second) || /^[b-hj-z]$/.test(second))) {
    return true;
  }
  // "Say more", "say that again", "say why": not the "say it's 2⁷" of a supposition.
  if (first === 'say' && ['more', 'again', 'why', 'how'].some((w) => opening.slice(1, 4).includes(w)))
    return true;
  if (first === 'point' && (second === 'to' || second === 'at' || second === 'out')) return true;
  // Wonderings are questions: "I wonder if it works for negatives", "im curious why …".
  if ((first === 'i' || first === 'we') && (second === 'wonder' || second === 'wondered')) return true;
  if (
    ["i'm", 'im', 'am', 'were', "we're"].includes(first) &&
    (second === 'wondering' || second === 'curious')
  ) {
    return true;
  }
  if (
    first === 'i' &&
    (second === 'am' || second === 'was') &&
    (third === 'wondering' || third === 'curious')
  ) {
    return true;
  }
  // "Help me understand …", not "help me clean the board".
  if (first === 'help' && (second === 'me' || second === 'us')) {
    return HELP_TO.has(third === 'to' ? (opening[3] ?? '') : third);
  }
  if (first === 'think' && (second === 'about' || second === 'back')) return true;
  // Invitations to the class: "anyone else get 12", "somebody want to share".
  if ((first === 'anyone' || first === 'anybody') && opening.length > 1) return true;
  if ((first === 'someone' || first === 'somebody') && (isPromptVerb(second) || second.startsWith('want'))) {
    return true;
  }
  if (LEADING_IMPERATIVES.has(first)) {
    for (let i = 1; i < opening.length - 1; i++) {
      if (LINKS.has(opening[i]!) && isPromptVerb(opening[i + 1]!)) return true;
    }
  }
  return false;
}

/**
 * Whether a contribution asks: a question mark, an interrogative opening in any sentence (after fillers such as
 * "okay so", an address such as "Devon," and lead-ins such as "please"), a task or assessment prompt, a
 * wondering, or an invitation to the class.
 */
export function isQuestion(text: string): boolean {
  if (looksLikeQuestion(tokenize(text))) return true;
  return sentencesOf(text)
    .flatMap((sentence) => sentence.split(/(?<=[.!?]["')\]])\s+/)) // `You said "it flips." Say more …`
    .some((sentence) => openingsOf(sentence).some(asksInOpening));
}

/** Where a sentence's request may begin: its opening, and after a short address or frame set off by a comma. */
function openingsOf(text: string): (readonly string[])[] {
  const sentence = text.replace(/^(\s*@[\w.-]+[,:]?)+\s*/, ''); // a typed mention addresses: "@devon what's …"
  const afterAddress = afterShortOpening(sentence);
  const openings = [requestOpening(sentence), ...(afterAddress ? [afterAddress] : [])];
  return openings.map(withoutLeadIns);
}

function withoutLeadIns(tokens: readonly string[]): readonly string[] {
  let i = 0;
  while (i < tokens.length - 1 && LEAD_INS.has(tokens[i]!)) i++;
  return isPromptVerb(tokens[i] ?? '') ? tokens.slice(i) : tokens;
}
