import type { ClassExport } from '@conjecture/shared';
import { CLASS_EXPORT_FORMAT } from '@conjecture/shared';
import type { AnticipationStore } from '../anticipation/anticipationStore.js';
import type { BoardRooms } from '../boards/boardRooms.js';
import type { ClassroomStore } from '../classroom/classroomStore.js';
import type { DiagnosticStore } from '../diagnostics/diagnosticStore.js';
import type { PlanStore } from '../discussion/planStore.js';
import type { ReflectionStore } from '../reflections/reflectionStore.js';
import type { SnapshotStore } from '../snapshots/snapshotStore.js';
import { classAssetOwner } from '../storage/boardStore.js';
import type { TagStore } from '../tagging/tagStore.js';

export interface ClassExportDeps {
  classrooms: ClassroomStore;
  rooms: BoardRooms;
  tags: TagStore;
  diagnostics: DiagnosticStore;
  /** The class's anticipations as the teacher sees them (seeded with the defaults on a first read). */
  anticipations: (classId: string) => ClassExport['anticipations'];
  verdicts: AnticipationStore;
  snapshots: SnapshotStore;
  plans: PlanStore;
  reflections: ReflectionStore;
  now: () => number;
}

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

/** Everything every store holds about one class, read store by store (see ClassExportSchema). */
export function exportClass(deps: ClassExportDeps, classId: string): ClassExport | undefined {
  const { classrooms, rooms } = deps;
  const cls = classrooms.getClass(classId);
  if (!cls) return undefined;
  const students = classrooms.studentsOf(classId);
  const groups = classrooms.groupsOf(classId);
  const boardsOfClass = [
    ...groups.map((g) => ({ boardId: g.boardId, kind: 'group' as const, ownerId: g.groupId })),
    ...classrooms
      .draftsOf(classId)
      .map((d) => ({ boardId: d.boardId, kind: 'draft' as const, ownerId: d.studentId })),
  ];
  const store = rooms.store;
  return {
    format: CLASS_EXPORT_FORMAT,
    version: 1,
    exportedAt: deps.now(),
    class: {
      classId,
      title: cls.title,
      taskPrompt: cls.taskPrompt,
      joinCode: cls.joinCode,
      createdAt: cls.createdAt,
      ended: cls.ended,
      templateRecords: cls.templateRecords,
    },
    students: students.map((s) => ({
      studentId: s.studentId,
      displayName: s.displayName,
      groupId: s.groupId,
      joinedAt: s.createdAt,
    })),
    groups: groups.map((g) => ({
      groupId: g.groupId,
      name: g.name,
      boardId: g.boardId,
      createdAt: g.createdAt,
    })),
    questions: classrooms.questionsOf(classId).map((q) => ({
      questionId: q.questionId,
      groupId: q.groupId,
      text: q.text,
      anchorShapeId: q.anchorShapeId,
      createdAt: q.createdAt,
      answers: classrooms.answersOf(q.questionId),
    })),
    tags: deps.tags.ofClass(classId),
    diagnostic: {
      bank: deps.diagnostics.bankOf(classId) ?? null,
      responses: students.flatMap((s) =>
        deps.diagnostics.responsesOf(s.studentId).map((r) => ({ ...r, studentId: s.studentId })),
      ),
    },
    anticipations: deps.anticipations(classId),
    verdicts: deps.verdicts.verdictsOf(classId).map((v) => ({
      groupId: v.groupId,
      anticipationId: v.anticipationId,
      verdict: v.verdict,
      decidedAt: v.decidedAt,
    })),
    snapshots: deps.snapshots.list(classId).flatMap((s) => deps.snapshots.get(classId, s.snapshotId) ?? []),
    discussion: deps.plans.get(classId),
    reflections: deps.reflections.ofClass(classId),
    boards: boardsOfClass.flatMap(({ boardId, kind, ownerId }) => {
      const board = store.getBoard(boardId);
      if (!board) return [];
      const records = rooms.transact(boardId, (room) => room.records.keys().map((k) => room.records.get(k)));
      const log = store
        .updatesAfter(boardId, 0)
        .map((u) => ({ seq: u.seq, author: u.author, at: u.at, update: base64(u.update) }));
      return [{ boardId, title: board.title, kind, ownerId, records, log }];
    }),
    assets: store.assetsOwnedBy(classAssetOwner(classId)).flatMap(({ assetId }) => {
      const asset = store.getAsset(assetId);
      return asset
        ? [
            {
              assetId,
              mimeType: asset.mimeType,
              boardId: asset.boardId,
              createdAt: asset.createdAt,
              bytes: base64(asset.bytes),
            },
          ]
        : [];
    }),
  };
}
