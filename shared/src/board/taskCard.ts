import { T } from '@tldraw/validate';
import { createShapePropsMigrationIds, createShapePropsMigrationSequence } from '@tldraw/tlschema';
import type { RecordProps, TLBaseShape } from '@tldraw/tlschema';
import { BOARD_PAGE_ID } from './boardPage.js';

/**
 * The class's task, as the teacher wrote it when creating the class: placed by the server on every group
 * board as one locked card (a server-written record, like the template's), rewritten when the teacher edits
 * the prompt and taken away when the prompt is emptied.
 */
export const TASK_CARD_TYPE = 'task-card';
/** One task card per board, at a well-known id, so an edit replaces it rather than adding another. */
export const TASK_CARD_ID = 'shape:task-card';

export interface TaskCardProps {
  w: number;
  h: number;
  text: string;
}

declare module '@tldraw/tlschema' {
  interface TLGlobalShapePropsMap {
    [TASK_CARD_TYPE]: TaskCardProps;
  }
}

export type TaskCardShape = TLBaseShape<typeof TASK_CARD_TYPE, TaskCardProps>;

export const taskCardProps: RecordProps<TaskCardShape> = {
  w: T.positiveNumber,
  h: T.positiveNumber,
  text: T.string,
};

export const taskCardMigrationIds = createShapePropsMigrationIds(TASK_CARD_TYPE, {});
export const taskCardMigrations = createShapePropsMigrationSequence({ sequence: [] });

export const TASK_CARD_WIDTH = 520;
/** Room for the "Task" heading and the card's padding. */
const TASK_CARD_CHROME_PX = 64;
const TASK_CARD_LINE_PX = 24;
/** About how many characters of the card's 18 px text fit on one line of its width. */
const TASK_CARD_CHARS_PER_LINE = 52;
const TASK_CARD_MAX_H = 640;

/**
 * How tall the card is for this prompt: each paragraph wraps at about TASK_CARD_CHARS_PER_LINE characters,
 * so a short prompt makes a small card and a long one grows (up to TASK_CARD_MAX_H, then it scrolls).
 */
export function taskCardSize(text: string): { w: number; h: number } {
  const lines = text
    .split('\n')
    .reduce((n, paragraph) => n + Math.max(1, Math.ceil(paragraph.length / TASK_CARD_CHARS_PER_LINE)), 0);
  return {
    w: TASK_CARD_WIDTH,
    h: Math.min(TASK_CARD_MAX_H, TASK_CARD_CHROME_PX + lines * TASK_CARD_LINE_PX),
  };
}

/**
 * Where the card sits: at the top left of what a fresh camera shows (tldraw opens a board with the page's
 * origin at the screen's top left), below the class bar and the board's toggles, so a student sees the
 * task when the board opens without the camera being moved. It is drawn below everything (index a0), so
 * work drawn over it stays readable, and locked, so a click on it reaches the tool, not the card.
 */
export const TASK_CARD_POSITION = { x: 16, y: 112 } as const;
export function taskCardPosition(): { x: number; y: number } {
  return { ...TASK_CARD_POSITION };
}

/** The task card record for a prompt (the server writes it and locks it). */
export function taskCardRecord(text: string) {
  const size = taskCardSize(text);
  const at = taskCardPosition();
  return {
    id: TASK_CARD_ID,
    typeName: 'shape' as const,
    type: TASK_CARD_TYPE,
    x: at.x,
    y: at.y,
    rotation: 0,
    index: 'a0',
    parentId: BOARD_PAGE_ID,
    // tldraw's own lock keeps the editor from offering moves; the server's lock is what enforces it.
    isLocked: true,
    opacity: 1,
    meta: {},
    props: { ...size, text },
  };
}
