import { MONITORING_EVENT_MIN_INTERVAL_MS, YjsCloseCode } from '@conjecture/shared';
import type { MonitoringService } from '../anticipation/monitoringService.js';
import type { DiscussionService } from '../discussion/discussionService.js';
import type { FollowService } from '../discussion/followService.js';
import type { ReflectionService } from '../reflections/reflectionService.js';
import type { BoardRooms } from '../boards/boardRooms.js';
import type { BoardRoom } from '../boards/boardRoom.js';
import type { ClassroomService } from '../classroom/classroomService.js';
import type { QuestionService } from '../classroom/questionService.js';
import type { DiagnosticService } from '../diagnostics/diagnosticService.js';
import { dropLostWatches, type SocketServer } from '../socket/socketServer.js';
import type { TaggingService } from '../tagging/taggingService.js';
import type { Scheduler } from '../util/scheduler.js';
import type { YjsEndpoint } from '../yjs/yjsEndpoint.js';
import { boardChannel, classChannel, projectorChannel, studentChannel, teacherChannel } from './channels.js';
import { classroomEffects, studentPrincipal } from './classroomEffects.js';
import { sweepExpiredSessions } from './sessionExpiry.js';
import type { Logger } from '../util/logger.js';

/** State vectors are pushed at most this often per board: enough for a "saved" indicator, cheap under load. */
const STATE_VECTOR_THROTTLE_MS = 50;

export interface RealtimeDeps {
  io: SocketServer;
  yjs: YjsEndpoint;
  rooms: BoardRooms;
  classroom: ClassroomService;
  questions: QuestionService;
  diagnostics: DiagnosticService;
  tagging: TaggingService;
  monitoring: MonitoringService;
  discussion: DiscussionService;
  follow: FollowService;
  reflections: ReflectionService;
  now: () => number;
  scheduler: Scheduler;
  log: Logger;
}

/** What a watcher of a board learns after it stores updates: the durable state vector, base64. */
export const encodeVector = (room: BoardRoom) => ({
  boardId: room.boardId,
  stateVector: Buffer.from(room.stateVector()).toString('base64'),
});

/**
 * The one place where domain events become effects on open connections — socket.io events to channels, and
 * Yjs connections made read-only, moved or closed. Services emit what happened; they never see a socket.
 */
export function wireRealtime(deps: RealtimeDeps): void {
  const { io, rooms, classroom, diagnostics, tagging, monitoring, scheduler } = deps;
  classroomEffects(classroom, deps.questions, rooms, deps.yjs, io, deps.now, scheduler);
  sweepExpiredSessions(deps.yjs, io, classroom, deps.now, scheduler, deps.log);

  // Confirmations: after a board stores updates, its watchers learn the new durable state vector.
  const confirm = scheduler.throttle(STATE_VECTOR_THROTTLE_MS, (room: BoardRoom) => {
    if (!room.hasFailed && rooms.get(room.boardId) === room)
      room.durableStateVector((vector) =>
        io.to(boardChannel(room.boardId)).emit('boardStateVector', {
          boardId: room.boardId,
          stateVector: Buffer.from(vector).toString('base64'),
        }),
      );
  });
  // Nobody watching (yet): nothing to confirm, and a later watcher gets the current vector in its ack.
  const watched = (boardId: string) => (io.sockets.adapter.rooms.get(boardChannel(boardId))?.size ?? 0) > 0;
  rooms.onOpened((room) =>
    room.onStored(() => {
      if (watched(room.boardId)) confirm(room);
    }),
  );

  diagnostics.on('progress', (classId, studentId, answered, total) =>
    io.to(teacherChannel(classId)).emit('diagnosticProgress', { classId, studentId, answered, total }),
  );
  diagnostics.on('changed', (classId) => io.to(classChannel(classId)).emit('diagnosticChanged', { classId }));
  // After the students' own `groupAssigned`: the projector and students fetch a draw to show it as random.
  diagnostics.on('published', (classId, drawnAt) =>
    io.to(classChannel(classId)).emit('groupsPublished', { classId, drawnAt }),
  );
  // The same draw again, to the projector (it fetches the draw on every `groupsPublished` and lists the late
  // arrival) and to the late arrival, whose page tells them the draw placed them (when it is open to hear it:
  // on finishing the diagnostic). The others are not told: theirs would say "your group was just drawn" again.
  diagnostics.on('drawJoined', (classId, studentId, drawnAt) =>
    io
      .to([projectorChannel(classId), studentChannel(studentId)])
      .emit('groupsPublished', { classId, drawnAt }),
  );

  // Each tag reaches the teacher's dashboard and the board's viewers (its chips).
  tagging.on('tagged', (tag) => {
    io.to(teacherChannel(tag.classId)).emit('contributionTagged', { tag });
    if (tag.boardId) io.to(boardChannel(tag.boardId)).emit('contributionTagged', { tag });
  });
  tagging.on('untagged', ({ classId, contributionId, boardId }) => {
    const to = [teacherChannel(classId), ...(boardId ? [boardChannel(boardId)] : [])];
    io.to(to).emit('contributionUntagged', { classId, contributionId });
  });

  // The monitoring chart: each change of a class's state reaches its teacher, at most once a second.
  const sendMonitoring = scheduler.throttle(MONITORING_EVENT_MIN_INTERVAL_MS, (classId: string) => {
    if (!classroom.hasClass(classId)) return; // deleted meanwhile
    io.to(teacherChannel(classId)).emit('monitoringChanged', monitoring.state(classId));
  });
  monitoring.on('changed', sendMonitoring);

  deps.reflections.on('saved', (reflection) =>
    io.to(teacherChannel(reflection.classId)).emit('reflectionSaved', { reflection }),
  );

  // The discussion plan and its presented step: the teacher and the projector each read it as they may.
  deps.discussion.on('changed', (classId) => {
    io.to(teacherChannel(classId)).emit('discussionChanged', deps.discussion.planFor(classId, 'teacher'));
    io.to(projectorChannel(classId)).emit('discussionChanged', deps.discussion.planFor(classId, 'projector'));
  });

  // "Bring everyone to me": the whole class (students, and the teacher's control) learns what is shown; a
  // student viewing a board no longer shown (released, or the projector moved on) is cut off at once.
  deps.follow.on('changed', (classId) => {
    if (!classroom.hasClass(classId)) return;
    io.to(classChannel(classId)).emit('followChanged', deps.follow.view(classId));
    for (const c of deps.yjs.connections()) {
      if (c.classId !== classId || c.role !== 'student') continue;
      if (!classroom.boardAccess(studentPrincipal(classId, c.userId), c.boardId, true).ok)
        c.peer.close(YjsCloseCode.forbidden, 'your teacher no longer shows this board');
    }
    dropLostWatches(io, classChannel(classId));
  });
}
