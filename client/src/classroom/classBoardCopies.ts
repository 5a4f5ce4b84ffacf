import { localStorageOrNull, type KeyValueStorage } from './keyValueStorage.js';
import { classBoardCopiesKey } from './storageKeys.js';

/**
 * Which of a class's boards (group boards, the student's draft) this browser keeps an offline copy of in
 * IndexedDB, by class, in localStorage. A class deleted, expired or left while the page was closed is learnt
 * of only as a refused token on the next visit: by then the server no longer names its boards, so without
 * this list the copies would stay on a shared machine for good. Listing every `conjecture:board:*` database
 * instead (`indexedDB.databases()`) would also delete another class's copies, kept for another student
 * who uses the same browser, and their unsent work with them.
 */
export class ClassBoardCopies {
  constructor(private readonly storage: KeyValueStorage | null = localStorageOrNull()) {}

  /** Written before the copy is opened, so no copy exists that the list does not name. */
  note(classId: string, boardId: string): void {
    const boardIds = this.read(classId);
    if (boardIds.includes(boardId)) return;
    try {
      this.storage?.setItem(classBoardCopiesKey(classId), JSON.stringify([...boardIds, boardId]));
    } catch {
      // storage full or refused: the copy stays after the class ends, as every copy did before this list
    }
  }

  /** The boards noted for the class; the note is gone, as the copies are about to be. */
  take(classId: string): string[] {
    const boardIds = this.read(classId);
    try {
      this.storage?.removeItem(classBoardCopiesKey(classId));
    } catch {
      // a note left behind only names copies that are already deleted
    }
    return boardIds;
  }

  private read(classId: string): string[] {
    try {
      const parsed: unknown = JSON.parse(this.storage?.getItem(classBoardCopiesKey(classId)) ?? '[]');
      return Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === 'string') : [];
    } catch {
      return []; // unreadable storage or a damaged note: nothing known to delete
    }
  }
}

export const classBoardCopies = new ClassBoardCopies();
