import type {
  ContributionTag,
  DiscussionPlan,
  ParticipationReport,
  Question,
  Reflection,
  Snapshot,
} from '@conjecture/shared';
import { WELL_KNOWN_USERS } from '@conjecture/shared';
import type { BoardRooms } from '../boards/boardRooms.js';
import { recordAuthorship, type RecordAuthorship } from '../boards/authorship.js';
import type { ClassroomStore, ClassRow, GroupRow } from '../classroom/classroomStore.js';
import type { BoardStore } from '../storage/boardStore.js';
import type { SnapshotStore } from '../snapshots/snapshotStore.js';

export type BoardRecord = { id: string; typeName: string } & Record<string, unknown>;

export interface GroupBoard {
  group: GroupRow;
  /** Every record the server holds for the board now. */
  records: BoardRecord[];
  /** Records the server placed locked (the task card, the template, question cards): the lesson's, not the group's. */
  locked: ReadonlySet<string>;
  authorship: ReadonlyMap<string, RecordAuthorship>;
}

/** Everything the exports read about one lesson, gathered once per download from the server's own stores. */
export interface LessonData {
  classRow: ClassRow;
  groups: GroupBoard[];
  questions: Question[];
  tags: ContributionTag[];
  snapshots: Snapshot[];
  plan: DiscussionPlan;
  /** Each group's participation balance, from the authorship log, answers and tags. */
  participation: ParticipationReport;
  /** The students' end-of-lesson reflections. */
  reflections: Reflection[];
  /** A person's label for the teacher: the student's name, "teacher", or "a former student". */
  nameOf(userId: string): string;
  groupName(groupId: string | null): string;
  /** The names of a group's members now. */
  members(groupId: string): string[];
  /** The group a student is in now (null: none, or no longer in the class). */
  groupOf(studentId: string): string | null;
  /** When the data was gathered. */
  at: number;
}

export interface LessonSources {
  classrooms: ClassroomStore;
  rooms: BoardRooms;
  boards: BoardStore;
  snapshots: SnapshotStore;
  tagsOf(classId: string): ContributionTag[];
  questionsOf(classId: string): Question[];
  planOf(classId: string): DiscussionPlan;
  participationOf(classId: string): ParticipationReport;
  reflectionsOf(classId: string): Reflection[];
  now(): number;
}

/** Reads a board's records and locks as the server holds them (never from a client). */
export function readBoard(rooms: BoardRooms, boardId: string): Pick<GroupBoard, 'records' | 'locked'> {
  return rooms.transact(boardId, (room) => ({
    locked: room.records.lockedKeys(),
    // A deep copy: an export may outlive the transaction and must share nothing with the live room.
    records: structuredClone(room.records.keys().map((key) => room.records.get(key) as BoardRecord)),
  }));
}

export function gatherLesson(sources: LessonSources, classId: string): LessonData | null {
  const classRow = sources.classrooms.getClass(classId);
  if (!classRow) return null;
  const roster = sources.classrooms.studentsOf(classId);
  const students = new Map(roster.map((s) => [s.studentId, s.displayName]));
  const groupRows = sources.classrooms.groupsOf(classId);
  const groupNames = new Map(groupRows.map((g) => [g.groupId, g.name]));
  return {
    classRow,
    groups: groupRows.map((group) => ({
      group,
      ...readBoard(sources.rooms, group.boardId),
      authorship: recordAuthorship(sources.boards, group.boardId),
    })),
    questions: sources.questionsOf(classId),
    tags: sources.tagsOf(classId),
    snapshots: sources.snapshots
      .list(classId)
      .map((s) => sources.snapshots.get(classId, s.snapshotId))
      .filter((s): s is Snapshot => s !== undefined),
    plan: sources.planOf(classId),
    participation: sources.participationOf(classId),
    reflections: sources.reflectionsOf(classId),
    nameOf: (userId) =>
      students.get(userId) ??
      (userId === WELL_KNOWN_USERS.teacher
        ? 'teacher'
        : userId === WELL_KNOWN_USERS.server
          ? 'the lesson'
          : 'a former student'),
    groupName: (groupId) =>
      groupId === null ? 'whole class' : (groupNames.get(groupId) ?? 'a deleted group'),
    members: (groupId) => roster.filter((s) => s.groupId === groupId).map((s) => s.displayName),
    groupOf: (studentId) => roster.find((s) => s.studentId === studentId)?.groupId ?? null,
    at: sources.now(),
  };
}
