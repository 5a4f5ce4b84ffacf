import { EventEmitter } from 'node:events';
import type {
  ContributionTag,
  MyWork,
  OwnContribution,
  Reflection,
  ReflectionInput,
  Result,
  TaggedReflection,
} from '@conjecture/shared';
import { fail, MOVE_CHIPS, ok, REFLECTION_PROMPTS, ReflectionInputSchema } from '@conjecture/shared';
import { describeRecord } from '@conjecture/shared/board/index';
import type { BoardRooms } from '../boards/boardRooms.js';
import { recordAuthorship } from '../boards/authorship.js';
import type { ClassroomStore } from '../classroom/classroomStore.js';
import type { DiagnosticService } from '../diagnostics/diagnosticService.js';
import type { TaggingService } from '../tagging/taggingService.js';
import type { ReflectionStore } from './reflectionStore.js';

export interface ReflectionDeps {
  store: ReflectionStore;
  classrooms: ClassroomStore;
  rooms: BoardRooms;
  tagging: TaggingService;
  diagnostics: DiagnosticService;
  now: () => number;
}

export interface ReflectionEvents {
  saved: [reflection: Reflection];
}

const moveName = (tag: ContributionTag | undefined): string | null => {
  const move = tag && (tag.corrected?.move ?? tag.move);
  return move ? (MOVE_CHIPS as Record<string, string>)[move] || null : null;
};

/**
 * Student reflection and ownership: the teacher opens the end-of-lesson reflection, each student answers it
 * (stored and tagged), and each student can read back — and take away — their own work: their profile's
 * summary and what they contributed, gathered from the server's own records (the authorship log, the
 * answers, the tag store), never from what a client claims.
 */
export class ReflectionService extends EventEmitter<ReflectionEvents> {
  constructor(private readonly deps: ReflectionDeps) {
    super();
  }

  mine(classId: string, studentId: string): Reflection | null {
    return this.deps.store.get(classId, studentId) ?? null;
  }

  save(classId: string, studentId: string, input: ReflectionInput): Result<Reflection> {
    const cls = this.deps.classrooms.getClass(classId);
    if (!cls) return fail('not_found', 'no such class');
    if (!cls.reflectionOpen) return fail('conflict', 'your teacher has not opened the reflection');
    const body = ReflectionInputSchema.parse(input);
    const before = this.deps.store.get(classId, studentId);
    const at = this.deps.now();
    const reflection: Reflection = {
      classId,
      studentId,
      ...body,
      createdAt: before?.createdAt ?? at,
      updatedAt: at,
    };
    this.deps.store.put(reflection);
    const groupId = this.deps.classrooms.getStudent(studentId)?.groupId ?? null;
    for (const { field, prompt } of REFLECTION_PROMPTS) {
      const text = reflection[field];
      if (text) this.deps.tagging.reflectionWritten({ classId, groupId, studentId, field, prompt, text });
    }
    this.emit('saved', reflection);
    return ok(reflection);
  }

  /** Every student's reflection, each written answer with the talk move it was tagged with. */
  list(classId: string): TaggedReflection[] {
    const tags = new Map(
      this.deps.tagging
        .tagsOf(classId)
        .filter((t) => t.kind === 'reflection')
        .map((t) => [t.contributionId, t]),
    );
    return this.deps.store.ofClass(classId).map((r) => {
      const moves: TaggedReflection['moves'] = {};
      for (const { field } of REFLECTION_PROMPTS) {
        const tag = tags.get(`reflection:${classId}:${r.studentId}:${field}`);
        if (r[field] && tag) moves[field] = tag.corrected?.move ?? tag.move;
      }
      return { ...r, moves };
    });
  }

  myWork(classId: string, studentId: string): Result<MyWork> {
    const cls = this.deps.classrooms.getClass(classId);
    const student = this.deps.classrooms.getStudent(studentId);
    if (!cls || !student || student.classId !== classId) return fail('not_found', 'no such student');
    const group = student.groupId ? this.deps.classrooms.getGroup(student.groupId) : undefined;
    const tags = new Map(
      this.deps.tagging
        .tagsOf(classId)
        .filter((t) => t.author === studentId)
        .map((t) => [t.contributionId, t]),
    );
    const boards = [group?.boardId, this.deps.classrooms.draftOf(studentId)?.boardId].filter(
      (id): id is string => id !== undefined,
    );
    const contributions: OwnContribution[] = [
      ...boards.flatMap((boardId) => this.boardItems(boardId, studentId, tags)),
      ...[...tags.values()]
        .filter((t) => t.kind === 'critique_reply')
        .map((t) => ({
          kind: 'critique_reply' as const,
          text: t.text,
          boardId: t.boardId,
          at: t.taggedAt,
          move: moveName(t),
        })),
      ...this.answers(classId, studentId, tags),
    ];
    return ok({
      classTitle: cls.title,
      taskPrompt: cls.taskPrompt,
      displayName: student.displayName,
      groupName: group?.name ?? null,
      profileSummary: this.deps.diagnostics.forStudent(classId, studentId).summary,
      contributions,
      reflection: this.mine(classId, studentId),
      reflectionOpen: cls.reflectionOpen,
    });
  }

  /** The items on a board the student created that are still there, in words, oldest first. */
  private boardItems(
    boardId: string,
    studentId: string,
    tags: ReadonlyMap<string, ContributionTag>,
  ): OwnContribution[] {
    const authorship = recordAuthorship(this.deps.rooms.store, boardId);
    return this.deps.rooms.transact(boardId, (room) =>
      [...authorship]
        .filter(([key, who]) => who.creator === studentId && key.startsWith('shape:'))
        .flatMap(([key, who]) => {
          const text = describeRecord(room.records.get(key));
          if (!text) return [];
          const tag = tags.get(`board:${boardId}:${key}`);
          return [{ kind: 'board_item' as const, text, boardId, at: who.firstAt, move: moveName(tag) }];
        })
        .sort((a, b) => a.at - b.at),
    );
  }

  private answers(
    classId: string,
    studentId: string,
    tags: ReadonlyMap<string, ContributionTag>,
  ): OwnContribution[] {
    return this.deps.classrooms.questionsOf(classId).flatMap((q) =>
      this.deps.classrooms
        .answersOf(q.questionId)
        .filter((a) => a.studentId === studentId)
        .map((a) => ({
          kind: 'answer' as const,
          text: `${q.text} — ${a.text}`,
          boardId: null,
          at: a.createdAt,
          move: moveName(tags.get(`answer:${a.answerId}`)),
        })),
    );
  }
}
