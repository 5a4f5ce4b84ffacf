import type { Result } from '@conjecture/shared';
import { ok } from '@conjecture/shared';
import { TASK_CARD_ID, taskCardRecord } from '@conjecture/shared/board/index';
import { recordError } from '../boards/boardSchema.js';
import type { ClassroomDeps } from './classroomTypes.js';
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
    this.write(boardId, prompt);
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
    for (const g of groups) {
      const room = this.deps.rooms.hold(g.boardId);
      try {
        const refused = boardWriteRefusal(room, [card], `the task on ${g.name}`);
        if (refused) return refused;
      } finally {
        this.deps.rooms.release(g.boardId);
      }
    }
    this.deps.store.updateClass(classId, { taskPrompt: prompt });
    for (const g of groups) this.write(g.boardId, prompt);
    return ok(null);
  }

  private write(boardId: string, prompt: string): void {
    const room = this.deps.rooms.hold(boardId);
    try {
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
    } finally {
      this.deps.rooms.release(boardId);
    }
  }
}
