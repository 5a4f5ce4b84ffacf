import type { GroupSignals } from '@conjecture/shared';
import type { BoardRooms } from '../boards/boardRooms.js';
import type { ClassroomService } from '../classroom/classroomService.js';
import type { ClassroomStore } from '../classroom/classroomStore.js';
import type { QuestionService } from '../classroom/questionService.js';
import type { TaggingService } from '../tagging/taggingService.js';
import { groupSignals } from './alertSignals.js';
import type { MonitoringService } from './monitoringService.js';

/** A class's live signals per group, for `rankAlerts`. */
export type AlertsOf = (classId: string) => GroupSignals[];

/**
 * Feeds the monitor: every change to a group board's records, and every new tag on it, schedules a match
 * of that board. (Each change of a class's monitoring state reaches its teacher through realtime/.)
 */
export function wireMonitoring(deps: {
  monitoring: MonitoringService;
  classroom: ClassroomService;
  store: ClassroomStore;
  questions: QuestionService;
  tagging: TaggingService;
  rooms: BoardRooms;
}): AlertsOf {
  const { monitoring, classroom, store, rooms } = deps;
  rooms.onOpened((room) => {
    if (!store.groupByBoard(room.boardId)) return;
    monitoring.boardOpened(room.boardId, room.records.keys());
    room.onRecordsChanged((keys) => monitoring.boardChanged(room.boardId, keys));
  });
  deps.tagging.on('tagged', (tag) => {
    if (tag.boardId) monitoring.boardChanged(tag.boardId);
  });

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
