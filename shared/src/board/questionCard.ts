import { T } from '@tldraw/validate';
import { createShapePropsMigrationIds, createShapePropsMigrationSequence } from '@tldraw/tlschema';
import type { RecordProps, TLBaseShape } from '@tldraw/tlschema';

/**
 * A teacher's purposeful question, placed on a group board by the server. Students answer inside it (the
 * answer goes to the server as a socket event, not into the record), and cannot move, edit or delete it:
 * the server reverts any change to it.
 */
export const QUESTION_CARD_TYPE = 'question-card';

export interface QuestionCardProps {
  w: number;
  h: number;
  questionId: string;
  text: string;
}

declare module '@tldraw/tlschema' {
  interface TLGlobalShapePropsMap {
    [QUESTION_CARD_TYPE]: QuestionCardProps;
  }
}

export type QuestionCardShape = TLBaseShape<typeof QUESTION_CARD_TYPE, QuestionCardProps>;

export const questionCardProps: RecordProps<QuestionCardShape> = {
  w: T.positiveNumber,
  h: T.positiveNumber,
  questionId: T.string,
  text: T.string,
};

export const questionCardMigrationIds = createShapePropsMigrationIds(QUESTION_CARD_TYPE, {});
export const questionCardMigrations = createShapePropsMigrationSequence({ sequence: [] });

export const QUESTION_CARD_SIZE = { w: 320, h: 200 } as const;
