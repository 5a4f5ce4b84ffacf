import { localStorageOrNull, type KeyValueStorage } from '../classroom/keyValueStorage.js';
import type { BoardId } from '@conjecture/shared';

export const localCopyNoteKey = (boardId: BoardId) => `conjecture:board:${boardId}:localCopy`;

/**
 * Which boards this browser keeps an IndexedDB copy of, known at once from localStorage. Opening IndexedDB
 * on a fresh profile takes a few hundred ms (270–340 ms to open and read an empty copy while a page loads,
 * on the shared 2-core machine at 1x), which a board's first connection used to wait for with nothing to
 * gain: only a copy that exists can spare the server's first answer. A note is a hint, never a promise —
 * a copy without a note (kept before notes existed, or its note lost) is only sent once more in full and
 * stored twice, which the copy's compaction undoes; a note without a copy costs the wait it always did.
 */
export class LocalCopyNotes {
  constructor(private readonly storage: KeyValueStorage | null = localStorageOrNull()) {}

  /** True unless this browser is known to keep no copy of the board (storage unreadable: assume one). */
  mayHave(boardId: BoardId): boolean {
    if (!this.storage) return true;
    try {
      return this.storage.getItem(localCopyNoteKey(boardId)) !== null;
    } catch {
      return true;
    }
  }

  /** The board's copy exists (its database opened). */
  note(boardId: BoardId): void {
    try {
      this.storage?.setItem(localCopyNoteKey(boardId), '1');
    } catch {
      // storage full or refused: the next visit waits for the copy as if the note were there
    }
  }

  /** The board's copy was deleted. */
  forget(boardId: BoardId): void {
    try {
      this.storage?.removeItem(localCopyNoteKey(boardId));
    } catch {
      // nothing to undo: a stale note only makes the next visit wait for a copy that is not there
    }
  }
}

export const localCopyNotes = new LocalCopyNotes();
