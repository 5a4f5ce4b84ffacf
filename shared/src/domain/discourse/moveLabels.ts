import type { QuestionType, TalkMove } from '../tagging/labels.js';

/** Student-friendly chip names for the board, and plain teacher-facing names for the dashboard. */
export const MOVE_CHIPS: Record<TalkMove, string> = {
  none: '',
  making_a_claim: 'Claim',
  providing_evidence_reasoning: 'Reasoning',
  relating_to_another_student: 'Building on',
  asking_for_more_info: 'Asking',
  keeping_everyone_together: 'Keeping together',
  getting_students_to_relate: 'Relating ideas',
  restating: 'Restating',
  revoicing: 'Revoicing',
  pressing_for_accuracy: 'Pressing for accuracy',
  pressing_for_reasoning: 'Pressing for reasoning',
};

export const QUESTION_TYPE_NAMES: Record<QuestionType, string> = {
  gathering_information: 'gathering information',
  probing_thinking: 'probing thinking',
  making_the_mathematics_visible: 'making the mathematics visible',
  encouraging_reflection_and_justification: 'encouraging reflection and justification',
};

/** The same names as labels on their own (a badge, an option): "Gathering information". */
export const QUESTION_TYPE_LABELS = Object.fromEntries(
  Object.entries(QUESTION_TYPE_NAMES).map(([type, name]) => [type, name[0]!.toUpperCase() + name.slice(1)]),
) as Record<QuestionType, string>;

/**
 * A question the tagger was not sure enough to type, everywhere the teacher reads one (the plan's badge, the
 * tagged contributions, the replay's timeline), in the words the evidence counts it ("2 of a type not shown").
 * Not "type unsure": that read as the teacher's doubt, or the question's, rather than the tagger's restraint.
 */
export const UNTYPED_QUESTION_LABEL = 'Question, type not shown';
