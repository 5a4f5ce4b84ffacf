import type { Result } from '@conjecture/shared';
import { fail, ok } from '@conjecture/shared';
import type { ClassroomDeps, Principal } from './classroomTypes.js';

/**
 * A student's private scratch board for think time. Only the student and the teacher can open it
 * (`BoardAccessPolicy`): nothing on it reaches the group until the student posts it there.
 */
export class StudentDrafts {
  constructor(private readonly deps: Pick<ClassroomDeps, 'store' | 'rooms' | 'now'>) {}

  /** The student's draft board, created on first use. */
  draftBoard(p: Principal): Result<{ boardId: string }> {
    if (p.role !== 'student' || !p.studentId) return fail('forbidden', 'only students have drafts');
    const existing = this.deps.store.draftOf(p.studentId);
    if (existing) return ok({ boardId: existing.boardId });
    const board = this.deps.rooms.createBoard('Private draft');
    this.deps.store.addDraft({
      boardId: board.boardId,
      classId: p.classId,
      studentId: p.studentId,
      createdAt: this.deps.now(),
    });
    return ok({ boardId: board.boardId });
  }

  /** A student's draft board for the teacher's read-only look (null: the student has not drafted yet). */
  draftOfStudent(classId: string, studentId: string): Result<{ boardId: string | null }> {
    const student = this.deps.store.getStudent(studentId);
    if (!student || student.classId !== classId) return fail('not_found', 'no such student in this class');
    return ok({ boardId: this.deps.store.draftOf(studentId)?.boardId ?? null });
  }
}
