import type { Result } from '@conjecture/shared';
import { ok } from '@conjecture/shared';
import { TASK_CARD_ID, taskCardRecord } from '@conjecture/shared/board/index';
import { recordError } from '../boards/boardSchema.js';
import type { ClassroomDeps } from './classroomTypes.js';
import type { BoardRoom } from '../boards/boardRoom.js';
import { boardWriteRefusal } from './serverWrites.js';

/**
 * The class's prompt on every group board: one locked task card at a well-known id, written by the server
 * when a group's board is made and rewritten on every board when the teacher edits the prompt (taken away
 * when the prompt is emptied). Like the template's records, students can neither move, edit nor delete it.
 */
export class ClassTaskCard {
  constructor(private readonly deps: Pick<ClassroomDeps, 'store' | 'rooms'>) {}

  /** A new group's board starts with the task on it (nothing to place for a class without a prompt). */
  placeOnNewBoard(classId: string, boardId: string): void {
    const prompt = this.deps.store.getClass(classId)?.taskPrompt ?? '';
    this.deps.rooms.transact(boardId, (room) => writeCard(room, prompt));
  }

  /**
   * Checks that every board can take the new card before any is written, so all boards show the same task:
   * the prompt is stored and placed everywhere, or nothing changes.
   */
  setPrompt(classId: string, prompt: string): Result<null> {
    const groups = this.deps.store.groupsOf(classId);
    const card = taskCardRecord(prompt);
    const invalid = recordError(card.id, card);
    if (invalid) throw new Error(`the task card is not a valid record: ${invalid}`);
    return this.deps.rooms.transactAll(
      groups.map((g) => g.boardId),
      (rooms) => {
        for (const [i, room] of rooms.entries()) {
          const refused = boardWriteRefusal(room, [card], `the task on ${groups[i]?.name}`);
          if (refused) return refused;
        }
        this.deps.store.updateClass(classId, { taskPrompt: prompt });
        for (const room of rooms) writeCard(room, prompt);
        return ok(null);
      },
    );
  }
}

/** The task card on one board, locked; taken away when the prompt is empty. */
function writeCard(room: BoardRoom, prompt: string): void {
  room.change((records) => {
    if (prompt.trim() === '') {
      if (records.get(TASK_CARD_ID) === undefined) return;
      records.unlock([TASK_CARD_ID]);
      records.delete(TASK_CARD_ID);
      return;
    }
    records.set(TASK_CARD_ID, taskCardRecord(prompt));
    records.lock([TASK_CARD_ID]);
  });
}
