import { canNow, WELL_KNOWN_USERS } from '@conjecture/shared';
import type { ClassroomDeps, Principal } from './classroomTypes.js';

export type BoardAccess = { ok: true; writable: boolean; userId: string } | { ok: false; reason: string };

/**
 * How long "this board is in no class" is believed before the store is asked again. A board joins a class
 * only as it is created (a group's or a draft's), so this only bounds the cost of asking, for every stored
 * update, about boards outside any class.
 */
export const OUTSIDE_CLASS_RECHECK_MS = 1000;

/**
 * Where a board sits in a class — a group's board or a student's draft — and so who may open it. Every
 * transport (Yjs, socket.io, HTTP) asks here, so a refusal is the same whichever way a board is reached.
 */
export class BoardAccessPolicy {
  /** A group board never changes class, so lookups (made for every stored update) are cached. */
  private readonly boardClass = new Map<string, string | null>();
  /** Boards found in no class, with when that was found. */
  private readonly outsideClasses = new Map<string, number>();

  constructor(private readonly deps: Pick<ClassroomDeps, 'store' | 'now'>) {}

  /**
   * Other groups' boards the class's students may open read-only now: the live boards the teacher has brought
   * everyone to ("bring everyone to me"). Set once by the composition root; none until then.
   */
  followedBoards: (classId: string) => ReadonlySet<string> = () => new Set();

  /**
   * Whether a principal may open a board, and whether its updates are accepted. Students reach only their
   * own group's board, read-only while the class is paused or ended (and, read-only, the live boards their
   * teacher brought everyone to, while shown); the projector opens only the boards the teacher projects or
   * spotlights, read-only, as are the dashboard's thumbnails (`wantsView`); the teacher may write on any
   * board of the class.
   */
  boardAccess(p: Principal, boardId: string, wantsView: boolean): BoardAccess {
    const draft = this.deps.store.draftByBoard(boardId);
    if (draft) return this.draftAccess(p, draft.classId, draft.studentId, wantsView);
    const group = this.deps.store.groupByBoard(boardId);
    const c = this.deps.store.getClass(p.classId);
    if (!group || !c || group.classId !== p.classId)
      return { ok: false, reason: 'this board is not in your class' };
    switch (p.role) {
      case 'teacher':
        return { ok: true, writable: !wantsView, userId: WELL_KNOWN_USERS.teacher };
      case 'coach':
        // The evidence (replays, exports) is read from the server's history; a live board is the class's.
        return { ok: false, reason: 'a coach link opens the lesson’s evidence, not its live boards' };
      case 'projector':
        // What the teacher shows, and nothing else: the link is on the classroom screen, where anyone can
        // read it, so it must not open every group's board.
        if (!c.projectedBoardIds.includes(boardId) && c.spotlight?.boardId !== boardId)
          return { ok: false, reason: 'the teacher is not showing this board' };
        return { ok: true, writable: false, userId: WELL_KNOWN_USERS.projector };
      case 'student': {
        const student = this.deps.store.getStudent(p.studentId as string);
        if (
          student &&
          student.groupId !== group.groupId &&
          wantsView &&
          this.followedBoards(p.classId).has(boardId)
        )
          return { ok: true, writable: false, userId: student.studentId };
        if (!student || student.groupId !== group.groupId)
          return { ok: false, reason: 'this is not your group’s board' };
        return {
          ok: true,
          writable: !wantsView && canNow('student', 'boards.writeOwnGroup', c),
          userId: student.studentId,
        };
      }
    }
  }

  /** A draft is private: its student (read-only while the class is paused, like every board) and the teacher. */
  private draftAccess(p: Principal, classId: string, ownerId: string, wantsView: boolean): BoardAccess {
    const c = this.deps.store.getClass(classId);
    if (!c || p.classId !== classId) return { ok: false, reason: 'this board is not in your class' };
    if (p.role === 'teacher') return { ok: true, writable: !wantsView, userId: WELL_KNOWN_USERS.teacher };
    if (p.role === 'student' && p.studentId === ownerId) {
      return {
        ok: true,
        writable: !wantsView && canNow('student', 'boards.writeOwnGroup', c),
        userId: ownerId,
      };
    }
    return { ok: false, reason: 'this draft is private to its author' };
  }

  /** The group a board belongs to (null for drafts and boards outside any class). */
  groupOfBoard(boardId: string): string | null {
    return this.deps.store.groupByBoard(boardId)?.groupId ?? null;
  }

  /** The class a board belongs to, if it is a group board or a draft. */
  classOfBoard(boardId: string): string | undefined {
    let classId = this.boardClass.get(boardId);
    if (classId === undefined) {
      const checkedAt = this.outsideClasses.get(boardId);
      const now = this.deps.now();
      if (checkedAt !== undefined && now - checkedAt < OUTSIDE_CLASS_RECHECK_MS) return undefined;
      classId =
        this.deps.store.groupByBoard(boardId)?.classId ??
        this.deps.store.draftByBoard(boardId)?.classId ??
        null;
      // A class board stays in its class until its group or class is deleted (see forgetBoard).
      if (classId !== null) {
        this.boardClass.set(boardId, classId);
        this.outsideClasses.delete(boardId);
      } else this.outsideClasses.set(boardId, now);
    }
    return classId ?? undefined;
  }

  /** Deleting its group or its class is the one way a board leaves a class: the cached answer goes with it. */
  forgetBoard(boardId: string): void {
    this.boardClass.delete(boardId);
    this.outsideClasses.delete(boardId);
  }
}
