import { PROTOCOL_VERSION, WELL_KNOWN_USERS } from '@conjecture/shared';
import type { BoardConnection } from '../sync/boardSession.js';

/** The teacher's id on boards and in awareness (the server names teacher connections so). */
export const TEACHER_USER_ID = WELL_KNOWN_USERS.teacher;

/** A read-only view for the teacher (thumbnails, drill-in): the cookie authenticates the upgrade. */
export const teacherViewConnection: BoardConnection = {
  userId: TEACHER_USER_ID,
  yjsParams: { mode: 'view' },
  socketAuth: null,
  localCopy: false,
};

/** The teacher writing on a group's board, with confirmations over the teacher's socket. */
export const teacherWriteConnection = (classId: string): BoardConnection => ({
  userId: TEACHER_USER_ID,
  yjsParams: {},
  socketAuth: { protocolVersion: PROTOCOL_VERSION, classId },
  localCopy: false,
});

/** A member silent this long (or never heard from) is flagged on the dashboard. */
export const SILENT_AFTER_MS = 3 * 60_000;
