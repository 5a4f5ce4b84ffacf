import type { Retention } from '@conjecture/shared';
import type { ClassroomStore } from '../classroom/classroomStore.js';
import type { BoardStore } from '../storage/boardStore.js';
import type { Logger } from '../util/logger.js';

export interface RetentionDeps {
  classrooms: ClassroomStore;
  boards: BoardStore;
  /** Deletes a class and everything hanging off it, everywhere (the classroom service's own deletion). */
  deleteClass: (classId: string) => void;
  /** Null: retention is off and classes are kept until their teacher deletes them. */
  retentionDays: number | null;
  now: () => number;
  log: Logger;
}

const DAY_MS = 24 * 3600_000;

/**
 * A district's retention period: a class and all its data are deleted once it has been inactive for the
 * configured number of days. Activity is read from what the stores already hold — the class's creation,
 * students joining, every board's last stored update, questions and answers — so nothing extra is written
 * while a lesson runs. Deletion goes through the same path as the teacher's "Delete the class".
 */
export class RetentionService {
  constructor(private readonly deps: RetentionDeps) {}

  get retentionMs(): number | null {
    return this.deps.retentionDays === null ? null : this.deps.retentionDays * DAY_MS;
  }

  lastActiveAt(classId: string): number | undefined {
    const { classrooms, boards } = this.deps;
    const cls = classrooms.getClass(classId);
    if (!cls) return undefined;
    const times = [cls.createdAt];
    for (const s of classrooms.studentsOf(classId)) times.push(s.createdAt);
    const boardIds = [
      ...classrooms.groupsOf(classId).map((g) => g.boardId),
      ...classrooms.draftsOf(classId).map((d) => d.boardId),
    ];
    for (const boardId of boardIds) times.push(boards.lastUpdateAt(boardId) ?? 0);
    for (const q of classrooms.questionsOf(classId)) {
      times.push(q.createdAt);
      for (const a of classrooms.answersOf(q.questionId)) times.push(a.createdAt);
    }
    return Math.max(...times);
  }

  retention(classId: string): Retention | undefined {
    const lastActiveAt = this.lastActiveAt(classId);
    if (lastActiveAt === undefined) return undefined;
    const ms = this.retentionMs;
    return {
      retentionDays: this.deps.retentionDays,
      lastActiveAt,
      deleteAfter: ms === null ? null : lastActiveAt + ms,
    };
  }

  /** Deletes every class whose retention period has ended; returns their ids. */
  sweep(): string[] {
    const ms = this.retentionMs;
    if (ms === null) return [];
    const now = this.deps.now();
    // Only a class created before the cutoff can have been inactive since it.
    const expired = this.deps.classrooms
      .classesCreatedBefore(now - ms)
      .filter((classId) => (this.lastActiveAt(classId) ?? now) + ms <= now);
    for (const classId of expired) {
      this.deps.deleteClass(classId);
      this.deps.log.info('retention: class deleted', { classId, retentionDays: this.deps.retentionDays });
    }
    return expired;
  }
}
