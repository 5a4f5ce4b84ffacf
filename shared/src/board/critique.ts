import { T } from '@tldraw/validate';
import { createMigrationSequence } from '@tldraw/store';

/**
 * Critique threads: anchored on a shape, each reply with a stance. The records sync and persist with the
 * board, but only the server writes them (through commands that check who may do what), so no student can
 * rewrite another's critique.
 */
export const CRITIQUE_TYPE = 'critique';

export const STANCES = ['agree', 'disagree', 'question', 'build_on', 'revise'] as const;
export type Stance = (typeof STANCES)[number];

/** Sentence starters offered for each stance. */
export const SENTENCE_STARTERS: Record<Stance, readonly string[]> = {
  agree: ['I agree with … because …', 'This makes sense to me because …'],
  disagree: ['I disagree with … because …', 'I see it differently: …'],
  question: ['Can you explain why …?', 'How do you know that …?', 'What does … mean here?'],
  build_on: ['Building on this, …', 'What if …?', 'This also works when …'],
  revise: ['I want to change my thinking: …', 'Now I think … because …'],
};

export const STANCE_LABELS: Record<Stance, string> = {
  agree: 'Agree',
  disagree: 'Disagree',
  question: 'Question',
  build_on: 'Build on',
  revise: 'Revise',
};

export interface CritiqueReply {
  replyId: string;
  authorId: string;
  stance: Stance;
  text: string;
  createdAt: number;
  editedAt: number | null;
}

export interface CritiqueThread {
  id: string;
  typeName: typeof CRITIQUE_TYPE;
  shapeId: string;
  createdBy: string;
  createdAt: number;
  resolved: { by: string; at: number } | null;
  replies: CritiqueReply[];
  meta: Record<string, never>;
}

/** One thread per shape: its id follows from the shape's. */
export const critiqueIdFor = (shapeId: string) => `${CRITIQUE_TYPE}:${shapeId.replace(/^shape:/, '')}`;

const replyValidator = T.object({
  replyId: T.string,
  authorId: T.string,
  stance: T.literalEnum(...STANCES),
  text: T.string,
  createdAt: T.number,
  editedAt: T.number.nullable(),
});

export const critiqueValidator = T.object({
  id: T.string,
  typeName: T.literal(CRITIQUE_TYPE),
  shapeId: T.string,
  createdBy: T.string,
  createdAt: T.number,
  resolved: T.object({ by: T.string, at: T.number }).nullable(),
  replies: T.arrayOf(replyValidator),
  meta: T.object({}),
});

export const critiqueMigrations = createMigrationSequence({
  sequenceId: 'com.tldraw.critique' /* tldraw requires this name for a custom record */,
  sequence: [],
});

export const MAX_CRITIQUE_TEXT = 1000;
/**
 * A thread is one record the server rewrites with every reply, so its size bounds what one reply costs
 * the board's log: 50 replies of at most 1,000 characters keep a thread under ~60 kB. (Enforced when a
 * reply is posted, not by the validator: boards holding longer threads from before stay loadable.)
 */
export const MAX_REPLIES_PER_THREAD = 50;
