import { EventEmitter } from 'node:events';
import type { Contribution, Result } from '@conjecture/shared';
import { fail, ok } from '@conjecture/shared';
import type { CritiqueReply, CritiqueThread, Stance } from '@conjecture/shared/board/index';
import {
  CRITIQUE_TYPE,
  critiqueIdFor,
  MAX_REPLIES_PER_THREAD,
  recordText,
} from '@conjecture/shared/board/index';
import { recordAuthorship } from '../boards/authorship.js';
import type { BoardRooms } from '../boards/boardRooms.js';
import type { BoardRoom } from '../boards/boardRoom.js';
import type { ClassroomService, Principal } from './classroomService.js';
import { randomId } from './tokens.js';
import { boardWriteRefusal } from './serverWrites.js';
import { refusalNow } from './classPhase.js';

export interface ReplyPosted {
  classId: string;
  groupId: string | null;
  boardId: string;
  threadId: string;
  replyId: string;
  authorId: string;
  text: string;
  /** The item replied to and the earlier replies, most recent last. */
  context: Contribution[];
}

/** A reply as it stands after its author (or the teacher) changed it: its words, in its place in the thread. */
export type ReplyEdited = ReplyPosted;

export type ReplyDeleted = Pick<ReplyPosted, 'classId' | 'groupId' | 'boardId' | 'threadId' | 'replyId'>;

export interface CritiqueEvents {
  replyPosted: [reply: ReplyPosted];
  replyEdited: [reply: ReplyEdited];
  replyDeleted: [reply: ReplyDeleted];
}

const roleOfAuthor = (authorId: string) =>
  (authorId === 'teacher' ? 'teacher' : 'student') as Contribution['role'];

/** What a reply answers: the critiqued shape's text and the replies before it, most recent last. */
const contextOf = (shape: unknown, earlier: readonly CritiqueReply[]): Contribution[] => {
  const shapeText = recordText(shape);
  return [
    ...(shapeText ? [{ role: 'student' as const, text: shapeText }] : []),
    ...earlier.map((r) => ({ role: roleOfAuthor(r.authorId), text: r.text })),
  ];
};

/**
 * The task card and question cards: placed and locked by the server, and locked for tldraw too, so no one can
 * select them and the board never offers them for critique — a thread on one would be a script's, pinned on
 * what every member reads. (The template's shapes are locked by the server only: selectable, critiqued.)
 */
const isServersCard = (room: BoardRoom, shapeId: string) =>
  room.records.lockedKeys().has(shapeId) &&
  (room.records.get(shapeId) as { isLocked?: unknown } | undefined)?.isLocked === true;

/**
 * Critique threads as server commands: a reply is created, edited or deleted only by its author (or the
 * teacher); a thread is resolved by the author of the shape it critiques (from the authorship log) or the
 * teacher. The records live in the board, written by the server only.
 */
export class CritiqueService extends EventEmitter<CritiqueEvents> {
  constructor(private readonly deps: { rooms: BoardRooms; classroom: ClassroomService; now: () => number }) {
    super();
  }

  post(
    p: Principal,
    input: { boardId: string; shapeId: string; stance: Stance; text: string },
  ): Result<{ threadId: string; replyId: string }> {
    return this.withBoard(p, input.boardId, (room, userId) => {
      const shape = room.records.get(input.shapeId);
      if (!shape) return fail('not_found', 'that shape is not on this board');
      if (isServersCard(room, input.shapeId))
        return fail(
          'forbidden',
          "the task and the teacher's questions are not for critique: critique your group's work",
        );
      const threadId = critiqueIdFor(input.shapeId);
      const existing = room.records.get(threadId) as CritiqueThread | undefined;
      // The author's own last reply again, word for word (a double submit, a second tab, a replayed message)
      // is that reply: written, tagged and counted once. After a classmate's reply, the same words are a new turn.
      const last = existing?.replies.at(-1);
      if (last?.authorId === userId && last.stance === input.stance && last.text === input.text)
        return ok({ threadId, replyId: last.replyId });
      if ((existing?.replies.length ?? 0) >= MAX_REPLIES_PER_THREAD)
        return fail(
          'conflict',
          `this thread is full (${MAX_REPLIES_PER_THREAD} replies): start one on another shape`,
        );
      const reply: CritiqueReply = {
        replyId: randomId(9),
        authorId: userId,
        stance: input.stance,
        text: input.text,
        createdAt: this.deps.now(),
        editedAt: null,
      };
      const thread: CritiqueThread = existing
        ? { ...existing, replies: [...existing.replies, reply] }
        : {
            id: threadId,
            typeName: CRITIQUE_TYPE,
            shapeId: input.shapeId,
            createdBy: userId,
            createdAt: reply.createdAt,
            resolved: null,
            replies: [reply],
            meta: {},
          };
      const refused = boardWriteRefusal(room, [thread], 'this reply');
      if (refused) return refused;
      room.change((records) => records.set(threadId, thread));
      this.emit('replyPosted', {
        classId: p.classId,
        groupId: this.deps.classroom.groupOfBoard(input.boardId),
        boardId: input.boardId,
        threadId,
        replyId: reply.replyId,
        authorId: userId,
        text: input.text,
        context: contextOf(shape, existing?.replies ?? []),
      });
      return ok({ threadId, replyId: reply.replyId });
    });
  }

  edit(
    p: Principal,
    input: { boardId: string; threadId: string; replyId: string; stance: Stance; text: string },
  ): Result<null> {
    return this.changeReply(p, input, (reply) =>
      reply.stance === input.stance && reply.text === input.text
        ? reply
        : { ...reply, stance: input.stance, text: input.text, editedAt: this.deps.now() },
    );
  }

  delete(p: Principal, input: { boardId: string; threadId: string; replyId: string }): Result<null> {
    return this.changeReply(p, input, () => null);
  }

  resolve(p: Principal, input: { boardId: string; threadId: string; resolved: boolean }): Result<null> {
    return this.withBoard(p, input.boardId, (room, userId) => {
      const thread = room.records.get(input.threadId) as CritiqueThread | undefined;
      if (!thread || thread.typeName !== CRITIQUE_TYPE)
        return fail('not_found', 'no such thread on this board');
      const shapeAuthor = recordAuthorship(this.deps.rooms.store, input.boardId).get(thread.shapeId)?.creator;
      if (p.role !== 'teacher' && shapeAuthor !== userId) {
        return fail('forbidden', 'only the author of the shape or the teacher resolves its thread');
      }
      // Already so (a replay, a second click): who resolved it and when stay, and nothing is written.
      if ((thread.resolved !== null) === input.resolved) return ok(null);
      const resolved: CritiqueThread = {
        ...thread,
        resolved: input.resolved ? { by: userId, at: this.deps.now() } : null,
      };
      const refused = boardWriteRefusal(room, [resolved], 'resolving this thread');
      if (refused) return refused;
      room.change((records) => records.set(input.threadId, resolved));
      return ok(null);
    });
  }

  /**
   * Takes every reply of `authorId` out of the threads on a board — the teacher removed her with her marks —
   * and drops a thread left with no reply. Each is announced as a deleted reply is (its tag goes with it).
   * Answers how many replies went.
   */
  removeRepliesOf(boardId: string, authorId: string): number {
    const classId = this.deps.classroom.classOfBoard(boardId);
    if (!classId) return 0;
    const gone: ReplyDeleted[] = [];
    this.deps.rooms.transact(boardId, (room) => {
      const threads = room.records
        .keys()
        .filter((key) => key.startsWith(`${CRITIQUE_TYPE}:`))
        .map((key) => room.records.get(key) as CritiqueThread)
        .filter((t) => t.typeName === CRITIQUE_TYPE && t.replies.some((r) => r.authorId === authorId));
      if (threads.length === 0) return;
      const groupId = this.deps.classroom.groupOfBoard(boardId);
      room.change((records) => {
        for (const thread of threads) {
          const replies = thread.replies.filter((r) => r.authorId !== authorId);
          if (replies.length === 0) records.delete(thread.id);
          else records.set(thread.id, { ...thread, replies });
          for (const r of thread.replies)
            if (r.authorId === authorId)
              gone.push({ classId, groupId, boardId, threadId: thread.id, replyId: r.replyId });
        }
      });
    });
    for (const reply of gone) this.emit('replyDeleted', reply);
    return gone.length;
  }

  private changeReply(
    p: Principal,
    input: { boardId: string; threadId: string; replyId: string },
    /** The reply as it becomes: null deletes it, the same object leaves it (and the board) as it is. */
    change: (reply: CritiqueReply) => CritiqueReply | null,
  ): Result<null> {
    return this.withBoard(p, input.boardId, (room, userId) => {
      const thread = room.records.get(input.threadId) as CritiqueThread | undefined;
      const reply = thread?.replies.find((r) => r.replyId === input.replyId);
      if (!thread || !reply) return fail('not_found', 'no such reply on this board');
      if (reply.authorId !== userId && p.role !== 'teacher')
        return fail('forbidden', 'only its author or the teacher changes a reply');
      const next = change(reply);
      // The thread is written whole: a change that changes nothing (a replayed edit) writes nothing.
      if (next === reply) return ok(null);
      const replies = thread.replies.flatMap((r) => (r.replyId === input.replyId ? (next ?? []) : [r]));
      const changed: CritiqueThread = { ...thread, replies };
      const refused = boardWriteRefusal(room, [changed], 'this change');
      if (refused) return refused;
      room.change((records) => records.set(input.threadId, changed));
      const where = {
        classId: p.classId,
        groupId: this.deps.classroom.groupOfBoard(input.boardId),
        boardId: input.boardId,
        threadId: input.threadId,
        replyId: input.replyId,
      };
      // An edited reply keeps its author (the teacher may edit a student's words) and its place: the item and
      // the replies before it are still what it answers.
      if (next) {
        const earlier = thread.replies.slice(0, thread.replies.indexOf(reply));
        const context = contextOf(room.records.get(thread.shapeId), earlier);
        this.emit('replyEdited', { ...where, authorId: next.authorId, text: next.text, context });
      } else this.emit('replyDeleted', where);
      return ok(null);
    });
  }

  /** Runs a command on a loaded board the principal may write on (not while the class is paused or ended). */
  private withBoard<T>(
    p: Principal,
    boardId: string,
    run: (room: BoardRoom, userId: string) => Result<T>,
  ): Result<T> {
    const access = this.deps.classroom.boardAccess(p, boardId, false);
    if (!access.ok) return fail('forbidden', access.reason);
    if (!access.writable) {
      // A member's own board is read-only only while the class is paused or ended: answered as every command
      // the pause suspends is (class_paused, saying which), not as a role's refusal.
      const phase = this.deps.classroom.classState(p.classId) ?? { paused: true, ended: false };
      return refusalNow(p.role, 'boards.writeOwnGroup', phase) ?? fail('class_paused', 'the class is paused');
    }
    return this.deps.rooms.transact(boardId, (room) => run(room, access.userId));
  }
}
