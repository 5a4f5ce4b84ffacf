import { QUESTION_TYPES, type QuestionType } from '../tagging/labels.js';
import type { AnticipationMatch, MatchEvidence, Verdict } from '../anticipation/schema.js';
import { readableText } from '../../protocol/readableText.js';

/** At most this many suggestions per group: a choice the teacher takes in at a glance, not a menu. */
export const MAX_SUGGESTED_QUESTIONS = 3;

/** A teacher's question as the tagger typed it (the teacher's correction wins), and whom it was posed to. */
export interface PosedQuestionTag {
  groupId: string | null;
  questionType: string | null;
}

/** How many of the teacher's questions so far are of each NCTM type (untyped ones count for none). */
export type QuestionBalance = Record<QuestionType, number>;

export function questionBalance(posed: readonly PosedQuestionTag[]): QuestionBalance {
  const balance = Object.fromEntries(QUESTION_TYPES.map((t) => [t, 0])) as QuestionBalance;
  for (const q of posed)
    if (q.questionType && q.questionType in balance) balance[q.questionType as QuestionType]++;
  return balance;
}

/** What the suggestion reads of one group: the monitoring chart's row and the students' tagged moves. */
export interface GroupEvidence {
  matches: ReadonlyArray<
    Pick<AnticipationMatch, 'anticipationId' | 'kind' | 'matched' | 'evidence'> & { verdict: Verdict | null }
  >;
  notAnticipated: readonly MatchEvidence[];
  /** The talk moves of the group's own contributions (board texts, answers), as tagged. */
  studentMoves: readonly string[];
}

export interface SuggestedQuestion {
  type: QuestionType;
  /**
   * The question as the teacher would write it, posed in her name: stored, shown on the students' card, tagged
   * and exported as is. So no isolates (FSI … PDI) around the title it names — the server keeps matched ones
   * for good — only around the whole, in the sentences a display composes ("Ask Group 1: …").
   */
  text: string;
  /** The board item it is about: the card is placed beside it. */
  anchorShapeId: string;
  /** The anticipation the item matched (null: work that matched none). */
  anticipationId: string | null;
}

type Focus = 'strategy' | 'misconception' | 'unanticipated';
interface Item {
  focus: Focus;
  anticipationId: string | null;
  title: string;
  evidence: MatchEvidence;
}

/** The board item named as the students see it beside the card: "this table", "this note". */
const thisItem = (evidence: MatchEvidence) => `this ${evidence.text.split(' with ')[0] || 'work'}`;

/**
 * Question stems per NCTM type (Principles to Actions, 2014) and kind of work, each about the item the card
 * sits beside: gathering information asks what is there, probing asks how it was made, making the mathematics
 * visible asks what it means and connects it, reflection and justification asks why it holds.
 */
const STEMS: Record<QuestionType, Record<Focus, (item: Item) => string>> = {
  gathering_information: {
    strategy: (i) => `What does each number in ${thisItem(i.evidence)} stand for?`,
    misconception: (i) => `What did you compare in ${thisItem(i.evidence)}?`,
    unanticipated: (i) => `What does ${thisItem(i.evidence)} show?`,
  },
  probing_thinking: {
    strategy: (i) => `How did you get ${thisItem(i.evidence)}? Talk me through your first step.`,
    misconception: (i) => `How did you decide what to compare in ${thisItem(i.evidence)}?`,
    unanticipated: (i) => `How did you come up with ${thisItem(i.evidence)}?`,
  },
  making_the_mathematics_visible: {
    strategy: (i) =>
      `Where do you see the ${readableText(i.title.toLowerCase())} in ${thisItem(i.evidence)}? What does it mean here?`,
    misconception: (i) =>
      `What does ${thisItem(i.evidence)} tell you about one pen? Can you show it another way?`,
    unanticipated: (i) => `How is ${thisItem(i.evidence)} related to the question in the task?`,
  },
  encouraging_reflection_and_justification: {
    strategy: (i) => `How do you know ${thisItem(i.evidence)} is right? Would it work with other numbers?`,
    misconception: (i) =>
      `Does ${thisItem(i.evidence)} always tell you which is the better deal? How could you check?`,
    unanticipated: (i) => `How could you convince another group that ${thisItem(i.evidence)} works?`,
  },
};

/** Ties in the balance: the higher-level types first (the ones teachers pose least, by the research). */
const TIE_ORDER: readonly QuestionType[] = [
  'encouraging_reflection_and_justification',
  'making_the_mathematics_visible',
  'probing_thinking',
  'gathering_information',
];

/**
 * The next purposeful questions for one group: up to MAX_SUGGESTED_QUESTIONS, each of a different NCTM type,
 * the types the teacher has posed least so far first, each anchored on an item of the group's work —
 * misconceptions first (they need a question most), then strategies, then work that matched none.
 * Claims on the board without reasoning move justification to the front. Pure: the same inputs give the
 * same suggestions; an empty list when the group's board shows nothing to ask about.
 */
export function nextQuestions(
  group: GroupEvidence,
  balance: QuestionBalance,
  titleOf: (anticipationId: string) => string,
): SuggestedQuestion[] {
  const seen = (m: GroupEvidence['matches'][number]) =>
    m.verdict === 'confirmed' || (m.matched && m.verdict !== 'rejected');
  const items: Item[] = [];
  for (const focus of ['misconception', 'strategy'] as const)
    for (const m of group.matches)
      if (m.kind === focus && seen(m) && m.evidence[0])
        items.push({
          focus,
          anticipationId: m.anticipationId,
          title: titleOf(m.anticipationId),
          evidence: m.evidence[0],
        });
  for (const evidence of group.notAnticipated)
    items.push({ focus: 'unanticipated', anticipationId: null, title: '', evidence });
  if (items.length === 0) return [];

  const claims = group.studentMoves.filter((m) => m === 'making_a_claim').length;
  const reasons = group.studentMoves.filter((m) => m === 'providing_evidence_reasoning').length;
  const types = [...TIE_ORDER].sort((a, b) => {
    if (claims > reasons) {
      if (a === 'encouraging_reflection_and_justification') return -1;
      if (b === 'encouraging_reflection_and_justification') return 1;
    }
    return balance[a] - balance[b] || TIE_ORDER.indexOf(a) - TIE_ORDER.indexOf(b);
  });
  return types.slice(0, MAX_SUGGESTED_QUESTIONS).map((type, i) => {
    const item = items[i % items.length] as Item;
    return {
      type,
      text: STEMS[type][item.focus](item),
      anchorShapeId: item.evidence.shapeId,
      anticipationId: item.anticipationId,
    };
  });
}
