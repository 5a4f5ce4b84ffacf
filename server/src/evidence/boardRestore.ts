import {
  fail,
  ok,
  ReplayTimeline,
  YDOC_META,
  type ReplayRecord,
  type RestoreBoardResult,
  type Result,
} from '@conjecture/shared';
import { SERVER_ONLY_RECORD_TYPES } from '@conjecture/shared/board/index';
import type { BoardRooms } from '../boards/boardRooms.js';
import { labelIsCurrent, recordWriteRefusal } from '../boards/writePolicy.js';
import type { ClassroomStore } from '../classroom/classroomStore.js';
import { boardWriteRefusal } from '../classroom/serverWrites.js';
import type { BoardStore } from '../storage/boardStore.js';
import { replaySteps } from './boardReplay.js';

export interface BoardRestoreDeps {
  boards: BoardStore;
  rooms: BoardRooms;
  classrooms: ClassroomStore;
}

/**
 * Puts a group's board back as it was at a moment of its replay — for a board wiped or scrambled in one
 * cheap change (select all, delete), which no student's undo brings back when a classmate did it. One change
 * by the server: records deleted or changed since are written back, records added since are removed; all of
 * it stays in the update log, so the replay still shows every moment and a restore can itself be undone by
 * restoring a later moment. What the server holds (locked task card, template and question cards, critique
 * threads), users' records and the document record are left as they are, and every write meets the write
 * policy a client's would (a record the board no longer accepts is left out and counted as kept).
 */
export class BoardRestore {
  constructor(private readonly deps: BoardRestoreDeps) {}

  restore(classId: string, groupId: string, position: number): Result<RestoreBoardResult> {
    const group = this.deps.classrooms.getGroup(groupId);
    if (!group || group.classId !== classId) return fail('not_found', 'no such group in this class');
    const timeline = new ReplayTimeline(replaySteps(this.deps.boards, group.boardId));
    if (position > timeline.end)
      return fail('bad_request', `the replay has ${timeline.end} steps; there is no position ${position}`);
    const target = timeline.recordsAt(position);
    return this.deps.rooms.transact(group.boardId, (room) => {
      if (!labelIsCurrent(room.records.meta.get(YDOC_META.schema)))
        return fail('conflict', 'this board was written by an older version: open it once, then restore');
      const locked = room.records.lockedKeys();
      const restorable = (key: string, ...values: unknown[]) =>
        !locked.has(key) && values.every((v) => v === undefined || isRestorableType(v));
      let kept = 0;
      const writes: ReplayRecord[] = [];
      for (const [key, record] of target) {
        const before = room.records.get(key);
        if (!restorable(key, record, before)) {
          kept += 1;
          continue;
        }
        if (JSON.stringify(before) === JSON.stringify(record)) continue;
        if (recordWriteRefusal({ key, before, after: record }, { author: 'server', locked }) === null)
          writes.push(record);
        else kept += 1;
      }
      const removals = room.records
        .keys()
        .filter((key) => !target.has(key))
        .filter((key) => {
          const before = room.records.get(key);
          // A page is never taken away (a board needs one); the shapes added on it since go like any others.
          if (
            typeNameOf(before) !== 'page' &&
            restorable(key, before) &&
            recordWriteRefusal({ key, before, after: undefined }, { author: 'server', locked }) === null
          )
            return true;
          kept += 1;
          return false;
        });
      // What the restore takes away (the records added since, the versions it overwrites) counts for it: a
      // restore to before a flood shrinks a full board, and is taken.
      const replaced = [...removals, ...writes.map((record) => record.id)]
        .map((key) => room.records.get(key))
        .filter((value) => value !== undefined);
      const refusal = boardWriteRefusal(room, writes, 'the restored board', replaced);
      if (refusal) return refusal;
      if (writes.length > 0 || removals.length > 0)
        room.change((records) => {
          for (const key of removals) records.delete(key);
          for (const record of writes) records.set(record.id, record);
        });
      return ok({ restored: writes.length, removed: removals.length, kept });
    });
  }
}

const typeNameOf = (value: unknown) => String((value as { typeName?: unknown } | null)?.typeName);

/** The students' kinds of record: shapes, bindings, assets, pages — not users, the document or the server's. */
function isRestorableType(value: unknown): boolean {
  const typeName = typeNameOf(value);
  return typeName !== 'user' && typeName !== 'document' && !SERVER_ONLY_RECORD_TYPES.has(typeName);
}
