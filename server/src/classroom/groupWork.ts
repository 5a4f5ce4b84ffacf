import type { BoardRooms } from '../boards/boardRooms.js';
import type { ClassroomStore, GroupRow } from './classroomStore.js';

/** What deleting a group would discard: items drawn on its board and answers to questions posed to it. */
export interface GroupWork {
  /** Shapes and critique threads on the board, not counting the teacher's locked template and question cards. */
  boardItems: number;
  answers: number;
}

/**
 * Counts the work a group holds. The template and question cards are the server's own (placed again on any
 * board), so they do not make a board "non-empty"; anything a person drew or wrote does.
 */
export function groupWork(store: ClassroomStore, rooms: BoardRooms, group: GroupRow): GroupWork {
  let boardItems = 0;
  if (rooms.getBoard(group.boardId)) {
    boardItems = rooms.transact(group.boardId, (room) => {
      const locked = room.records.lockedKeys();
      return room.records
        .keys()
        .filter((k) => (k.startsWith('shape:') || k.startsWith('critique:')) && !locked.has(k)).length;
    });
  }
  const answers = store
    .questionsOf(group.classId)
    .filter((q) => q.groupId === group.groupId)
    .reduce((n, q) => n + store.answersOf(q.questionId).length, 0);
  return { boardItems, answers };
}

export const hasWork = (work: GroupWork): boolean => work.boardItems > 0 || work.answers > 0;

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** "3 items on its board and 1 answer", for the refusal the teacher reads. */
export function describeWork(work: GroupWork): string {
  const parts: string[] = [];
  if (work.boardItems > 0) parts.push(`${plural(work.boardItems, 'item')} on its board`);
  if (work.answers > 0) parts.push(plural(work.answers, 'answer'));
  return parts.join(' and ');
}
