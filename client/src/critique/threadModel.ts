import {
  CRITIQUE_TYPE,
  isInsidePage,
  STANCE_LABELS,
  type CritiqueThread,
  type Stance,
} from '@conjecture/shared/board/index';
import { isolated } from '@conjecture/shared';

/** Who is looking: the UI hints (edit, resolve) follow the same rules the server enforces. */
export interface Viewer {
  userId: string;
  isTeacher: boolean;
}

export interface ReplyView {
  replyId: string;
  authorId: string;
  authorName: string;
  stance: Stance;
  stanceLabel: string;
  text: string;
  createdAt: number;
  edited: boolean;
  /** A hint only: the server refuses anyone but the author or the teacher anyway. */
  mayChange: boolean;
}

export interface ThreadView {
  threadId: string;
  shapeId: string;
  replies: ReplyView[];
  resolved: { byName: string; at: number } | null;
  /** A hint only: the author of the shape (from the server's authorship log) or the teacher. */
  mayResolve: boolean;
}

export const isCritiqueThread = (record: unknown): record is CritiqueThread =>
  typeof record === 'object' &&
  record !== null &&
  (record as { typeName?: unknown }).typeName === CRITIQUE_TYPE;

/** Whether a viewer may change (edit or delete) a reply: its author, or the teacher on any. */
export const mayChangeReply = (viewer: Viewer, authorId: string): boolean =>
  viewer.isTeacher || viewer.userId === authorId;

/**
 * Whether to offer resolve/reopen: the teacher, or the shape's creator. While the authorship is not known
 * yet (`undefined`), the control is offered and the server decides; a shape with no known creator (`null`)
 * can only be resolved by the teacher.
 */
export const mayResolveThread = (viewer: Viewer, shapeCreator: string | null | undefined): boolean =>
  viewer.isTeacher || shapeCreator === undefined || shapeCreator === viewer.userId;

/** The thread as the panel shows it: oldest reply first (ties keep the stored order), names resolved. */
export function threadView(
  thread: CritiqueThread,
  viewer: Viewer,
  resolveName: (userId: string) => string,
  shapeCreator: string | null | undefined,
): ThreadView {
  const replies = thread.replies
    .map((reply, index) => ({ reply, index }))
    .sort((a, b) => a.reply.createdAt - b.reply.createdAt || a.index - b.index)
    .map(({ reply }): ReplyView => ({
      replyId: reply.replyId,
      authorId: reply.authorId,
      authorName: resolveName(reply.authorId),
      stance: reply.stance,
      stanceLabel: STANCE_LABELS[reply.stance],
      text: reply.text,
      createdAt: reply.createdAt,
      edited: reply.editedAt !== null,
      mayChange: mayChangeReply(viewer, reply.authorId),
    }));
  return {
    threadId: thread.id,
    shapeId: thread.shapeId,
    replies,
    resolved: thread.resolved ? { byName: resolveName(thread.resolved.by), at: thread.resolved.at } : null,
    mayResolve: mayResolveThread(viewer, shapeCreator),
  };
}

export interface PageBounds {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

export interface PinPlacement {
  shapeId: string;
  threadId: string;
  /** Page coordinates of the pin's centre: the shape's top-right corner. */
  x: number;
  y: number;
  count: number;
  resolved: boolean;
  /** The newest reply, so the pin is announced with what was said, not only how much. */
  latest: { stance: string; text: string } | null;
}

/**
 * One pin per thread with replies, on the top-right corner of its shape (tag chips sit top-left, so the two
 * never cover each other). Threads whose shape is gone or on another page (`boundsOf` → null) get no pin;
 * a thread whose replies were all deleted has nothing to show.
 */
export function placePins(
  threads: Iterable<CritiqueThread>,
  boundsOf: (shapeId: string) => PageBounds | null,
): PinPlacement[] {
  const pins: PinPlacement[] = [];
  for (const thread of threads) {
    if (thread.replies.length === 0) continue;
    const bounds = boundsOf(thread.shapeId);
    // A shape outside the page (a stored board may hold one at 1e308) gets no pin rather than one at NaN.
    if (!bounds || !isInsidePage({ x: bounds.maxX, y: bounds.minY })) continue;
    pins.push({
      shapeId: thread.shapeId,
      threadId: thread.id,
      x: bounds.maxX,
      y: bounds.minY,
      count: thread.replies.length,
      resolved: thread.resolved !== null,
      latest: latestReply(thread),
    });
  }
  // Stable order for React keys and for tests, whatever order the store returns records in.
  return pins.sort((a, b) => (a.threadId < b.threadId ? -1 : a.threadId > b.threadId ? 1 : 0));
}

const LABEL_EXCERPT_CHARS = 120;
const STANCE_WORDS: Record<string, string> = { build_on: 'build on' };

function latestReply(thread: CritiqueThread): PinPlacement['latest'] {
  const last = [...thread.replies].sort((a, b) => a.createdAt - b.createdAt).at(-1);
  return last ? { stance: STANCE_WORDS[last.stance] ?? last.stance, text: last.text.trim() } : null;
}

/**
 * The pin's accessible name: how many replies, whether resolved, and the newest reply's stance and words,
 * e.g. "Critique: 3 replies, resolved. Latest, revise: Now I think 3/4 goes closer to 1".
 */
export const pinLabel = (
  pin: Pick<PinPlacement, 'count' | 'resolved'> & Partial<Pick<PinPlacement, 'latest'>>,
): string => {
  const head = `Critique: ${pin.count} ${pin.count === 1 ? 'reply' : 'replies'}${pin.resolved ? ', resolved' : ''}`;
  if (!pin.latest) return head;
  const text =
    pin.latest.text.length > LABEL_EXCERPT_CHARS
      ? `${pin.latest.text.slice(0, LABEL_EXCERPT_CHARS - 1)}…`
      : pin.latest.text;
  return `${head}. Latest, ${pin.latest.stance}: ${isolated(text)}`;
};
