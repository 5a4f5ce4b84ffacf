import type { InShard } from '../cluster/inShard.js';
import type { EventEmitter } from 'node:events';
import type { Group, Role } from '@conjecture/shared';
import type { BoardRooms } from '../boards/boardRooms.js';
import type { ClassroomStore } from './classroomStore.js';
import type { TokenSigner } from './tokens.js';

/** Who a verified credential belongs to. */
export interface Principal {
  role: Role;
  classId: string;
  sessionId: string;
  studentId: string | null;
}

/**
 * Who put a student where they are: the teacher by hand (moving them, or deleting their group), or the groups
 * as published (publishing them, or placing a late arrival as they were published). A random draw stays shown
 * as chance through the second, never the first — so every move says which it is, rather than a listener
 * guessing from what else is running.
 */
export type MoveCause = 'hand' | 'grouping';

export interface StudentMove {
  cause: MoveCause;
  /** The student's old group was deleted, and its board with it: their browser drops its copy. */
  deletedBoardId?: string;
}

export interface ClassroomEvents {
  /** The teacher's pause or the class's end changed. */
  paused: [classId: string, phase: { paused: boolean; ended: boolean }];
  graphPaperChanged: [classId: string, graphPaper: boolean];
  reflectionChanged: [classId: string, open: boolean];
  taskPromptChanged: [classId: string, taskPrompt: string];
  /** What students may see changed (e.g. anonymized names): they load their class view again. */
  studentViewChanged: [classId: string];
  studentMoved: [classId: string, studentId: string, group: Group | null, move: StudentMove];
  groupRenamed: [classId: string, group: Group, memberIds: string[]];
  studentRemoved: [classId: string, studentId: string];
  /** The teacher removed a student with her marks: what she created on `boardId` (her group's) was deleted. */
  marksRemoved: [classId: string, studentId: string, boardId: string];
  classDeleted: [classId: string, boardIds: string[]];
  /** `studentId` raised or lowered their hand (or the teacher cleared it); `raised` is the class's hands now. */
  handsChanged: [classId: string, raised: string[], studentId: string];
  projectionChanged: [classId: string];
  presenceChanged: [classId: string, online: string[]];
  projectorRevoked: [classId: string];
  rosterChanged: [classId: string];
  /** A student joined the class for the first time (not a returning browser). */
  studentJoined: [classId: string, studentId: string];
}

/**
 * Where the classroom's collaborators announce what changed. They all emit on the one `ClassroomService`,
 * so the transport layers keep listening to a single emitter whichever collaborator made the change.
 */
export type ClassroomEventSink = Pick<EventEmitter<ClassroomEvents>, 'emit'>;

export interface ClassroomDeps {
  store: ClassroomStore;
  /** A session older than this is expired. */
  sessionMaxAgeMs: number;
  /** Students one class holds (MAX_STUDENTS_PER_CLASS): a join past it is refused. */
  maxStudentsPerClass: number;
  rooms: BoardRooms;
  signer: TokenSigner;
  now: () => number;
  randomBytes: (n: number) => Uint8Array;
  /** Makes a class's ids (class, join code, sessions) land in this server's shard (scale-out). */
  inShard?: InShard;
}
