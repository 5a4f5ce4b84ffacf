import { YjsCloseCode } from '@conjecture/shared';
import type { BoardRooms } from '../boards/boardRooms.js';
import type { ClassroomService } from '../classroom/classroomService.js';
import type { QuestionService } from '../classroom/questionService.js';
import { dropLostWatches, type SocketServer } from '../socket/socketServer.js';
import type { Scheduler } from '../util/scheduler.js';
import type { YjsEndpoint } from '../yjs/yjsEndpoint.js';
import { classChannel, projectorChannel, studentChannel, teacherChannel } from './channels.js';

const ACTIVITY_THROTTLE_MS = 1000;

/** A connected student as the board policy reads them (their session is not needed to decide access). */
export const studentPrincipal = (classId: string, studentId: string) => ({
  role: 'student' as const,
  classId,
  sessionId: '',
  studentId,
});

/** The projector's principal in a class, to ask what its open connections may still see. */
const projectorPrincipal = (classId: string) => ({
  role: 'projector' as const,
  classId,
  sessionId: '',
  studentId: null,
});

/**
 * Turns classroom decisions into effects on open connections, at once: pausing makes every student's
 * board connection read-only on the server (resuming asks each for what it kept meanwhile); moving a
 * student closes their connection to the old board and tells their page where to go.
 */
export function classroomEffects(
  classroom: ClassroomService,
  questions: QuestionService,
  rooms: BoardRooms,
  yjs: YjsEndpoint,
  io: SocketServer,
  now: () => number,
  scheduler: Scheduler,
): void {
  classroom.on('paused', (classId, { paused, ended }) => {
    const locked = paused || ended;
    for (const c of yjs.connections()) {
      if (c.classId !== classId || c.role !== 'student') continue;
      // On resume, only what the student may write on: not another group's board they were following.
      const access = classroom.boardAccess(studentPrincipal(classId, c.userId), c.boardId, false);
      rooms.get(c.boardId)?.setWritable(c.peer, !locked && access.ok && access.writable);
    }
    io.to(classChannel(classId)).emit('classPaused', { classId, paused, ended });
  });

  classroom.on('graphPaperChanged', (classId, graphPaper) =>
    io.to(classChannel(classId)).emit('graphPaperChanged', { classId, graphPaper }),
  );
  classroom.on('reflectionChanged', (classId, open) =>
    io.to(classChannel(classId)).emit('reflectionChanged', { classId, open }),
  );

  classroom.on('taskPromptChanged', (classId, taskPrompt) =>
    io.to(classChannel(classId)).emit('taskPromptChanged', { classId, taskPrompt }),
  );

  classroom.on('studentViewChanged', (classId) =>
    io.to(classChannel(classId)).emit('classViewChanged', { classId }),
  );

  classroom.on('studentMoved', (classId, studentId, group, { deletedBoardId }) => {
    for (const c of yjs.connections()) {
      if (
        c.classId === classId &&
        c.role === 'student' &&
        c.userId === studentId &&
        c.boardId !== group?.boardId
      ) {
        c.peer.close(YjsCloseCode.moved, 'moved to another group');
      }
    }
    dropLostWatches(io, studentChannel(studentId));
    io.to(studentChannel(studentId)).emit(
      'groupAssigned',
      deletedBoardId ? { group, deletedBoardId } : { group },
    );
  });

  // A rename reuses `groupAssigned` with the same board: the page updates its label, its board stays open.
  classroom.on('groupRenamed', (_classId, group, memberIds) => {
    for (const studentId of memberIds) io.to(studentChannel(studentId)).emit('groupAssigned', { group });
  });

  classroom.on('studentRemoved', (classId, studentId) => {
    for (const c of yjs.connections()) {
      if (c.classId === classId && c.role === 'student' && c.userId === studentId) {
        c.peer.close(YjsCloseCode.removed, 'removed from the class by the teacher');
      }
    }
    io.to(studentChannel(studentId)).emit('removedFromClass', { classId });
    io.in(studentChannel(studentId)).disconnectSockets(true);
  });

  // Who asked for help is the teacher's to know (the REST list is theirs too): a student hears of their own
  // hand only, on every tab they have open; the projector shows no hands.
  classroom.on('handsChanged', (classId, raised, studentId) => {
    io.to(teacherChannel(classId)).emit('handsChanged', { classId, raised });
    const own = raised.includes(studentId) ? [studentId] : [];
    io.to(studentChannel(studentId)).emit('handsChanged', { classId, raised: own });
  });
  classroom.on('rosterChanged', (classId) =>
    io.to(teacherChannel(classId)).emit('rosterChanged', { classId }),
  );
  questions.on('questionPosed', (classId, question) =>
    io.to(teacherChannel(classId)).emit('questionPosed', { question }),
  );
  questions.on('answerPosted', (classId, answer) =>
    io.to(teacherChannel(classId)).emit('answerPosted', { answer }),
  );

  classroom.on('projectorRevoked', (classId) => {
    for (const c of yjs.connections()) {
      if (c.classId === classId && c.role === 'projector')
        c.peer.close(YjsCloseCode.unauthorized, 'this projector link was revoked');
    }
    io.in(projectorChannel(classId)).disconnectSockets(true);
  });

  classroom.on('presenceChanged', (classId, online) =>
    io.to(teacherChannel(classId)).emit('presenceChanged', { classId, online }),
  );

  // Each viewer gets the projection with names as it may see them (pseudonyms on an anonymized projector),
  // and a projector still on a board the teacher no longer shows is cut off from it.
  classroom.on('projectionChanged', (classId) => {
    for (const role of ['teacher', 'projector'] as const) {
      const view = classroom.classView({ role, classId, sessionId: '', studentId: null });
      if (view)
        io.to(role === 'teacher' ? teacherChannel(classId) : projectorChannel(classId)).emit(
          'projectionChanged',
          view,
        );
    }
    for (const c of yjs.connections()) {
      if (c.classId !== classId || c.role !== 'projector') continue;
      if (!classroom.boardAccess(projectorPrincipal(classId), c.boardId, true).ok)
        c.peer.close(YjsCloseCode.forbidden, 'the teacher no longer shows this board');
    }
    dropLostWatches(io, projectorChannel(classId));
  });

  // Activity: every stored change stamps its authors; the dashboard hears about it at most once a second.
  const announceActivity = scheduler.throttle(ACTIVITY_THROTTLE_MS, (classId: string) => {
    if (!classroom.hasClass(classId)) return;
    io.to(teacherChannel(classId)).emit('activityChanged', {
      classId,
      groups: classroom.groupActivity(classId),
    });
  });
  rooms.onOpened((room) =>
    room.onStored((stored, authors) => {
      const classId = classroom.classOfBoard(stored.boardId);
      if (!classId) return;
      classroom.recordActivity(stored.boardId, authors, now());
      announceActivity(classId);
    }),
  );

  // A student's wipe (or flood) of the group's board, undone by the room: the teacher hears who, on which board.
  rooms.onOpened((room) =>
    room.onWipeUndone((studentId, count, undone) => {
      const classId = classroom.classOfBoard(room.boardId);
      if (!classId) return;
      io.to(teacherChannel(classId)).emit('wipeUndone', {
        classId,
        boardId: room.boardId,
        studentId,
        count,
        undone,
        at: now(),
      });
    }),
  );

  classroom.on('classDeleted', (classId, boardIds) => {
    io.to(classChannel(classId)).emit('classDeleted', { classId, boardIds });
    io.in(classChannel(classId)).disconnectSockets(true);
  });
}
