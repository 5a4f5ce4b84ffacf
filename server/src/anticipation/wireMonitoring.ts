import type { GroupSignals } from '@conjecture/shared';
import { MONITORING_EVENT_MIN_INTERVAL_MS } from '@conjecture/shared';
import type { BoardRooms } from '../boards/boardRooms.js';
import type { ClassroomService } from '../classroom/classroomService.js';
import type { ClassroomStore } from '../classroom/classroomStore.js';
import type { QuestionService } from '../classroom/questionService.js';
import type { SocketServer } from '../socket/socketServer.js';
import { teacherChannel } from '../socket/socketServer.js';
import type { TaggingService } from '../tagging/taggingService.js';
import type { Scheduler } from '../util/scheduler.js';
import { groupSignals } from './alertSignals.js';
import type { MonitoringService } from './monitoringService.js';

/** A class's live signals per group, for `rankAlerts`. */
export type AlertsOf = (classId: string) => GroupSignals[];

/**
 * Feeds the monitor: every change to a group board's records, and every new tag on it, schedules a match
 * of that board; each change of a class's monitoring state reaches its teacher (throttled).
 */
export function wireMonitoring(deps: {
  monitoring: MonitoringService;
  classroom: ClassroomService;
  store: ClassroomStore;
  questions: QuestionService;
  tagging: TaggingService;
  rooms: BoardRooms;
  io: SocketServer;
  scheduler: Scheduler;
}): AlertsOf {
  const { monitoring, classroom, store, rooms, io } = deps;
  rooms.onOpened((room) => {
    if (!store.groupByBoard(room.boardId)) return;
    monitoring.boardOpened(room.boardId, room.records.keys());
    room.onRecordsChanged((keys) => monitoring.boardChanged(room.boardId, keys));
  });
  deps.tagging.on('tagged', (tag) => {
    if (tag.boardId) monitoring.boardChanged(tag.boardId);
  });
  const send = deps.scheduler.throttle(MONITORING_EVENT_MIN_INTERVAL_MS, (classId: string) => {
    if (!store.getClass(classId)) return; // deleted meanwhile
    io.to(teacherChannel(classId)).emit('monitoringChanged', monitoring.state(classId));
  });
  monitoring.on('changed', send);

  return (classId) =>
    groupSignals({
      classId,
      store,
      raisedHands: classroom.raisedHands(classId),
      activity: classroom.groupActivity(classId),
      monitoring: monitoring.state(classId),
      questions: deps.questions.list(classId),
      lastNewItemAt: (boardId) => monitoring.lastNewItemAt(boardId),
    });
}
