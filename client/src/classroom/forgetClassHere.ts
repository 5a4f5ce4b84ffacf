import { localStorageOrNull } from './keyValueStorage.js';
import { JOIN_CODE_KEY_PREFIX } from './storageKeys.js';

/** The part of `localStorage` a sweep needs: its keys, reading them, and removing them. */
export type SweepableStorage = Pick<Storage, 'key' | 'length' | 'getItem' | 'removeItem'>;

/**
 * Everything this browser keeps of a class that is over for it (deleted, or this browser's session ended):
 * its tokens, the teacher's unfinished diagnostic, the last state a page saw, the list of boards copied, and
 * the join code that led to it. "Delete the class and all its data" leaves none of it on the laptops that
 * had it open (the boards' offline copies go with `clearLocalBoards`; read `classBoardCopies` first).
 */
export function forgetClassHere(
  classId: string,
  storage: SweepableStorage | null = localStorageOrNull() as SweepableStorage | null,
): void {
  if (!storage) return;
  const prefix = `conjecture:class:${classId}:`;
  try {
    const keys: string[] = [];
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (!key) continue;
      const ofThisClass =
        key.startsWith(prefix) || (key.startsWith(JOIN_CODE_KEY_PREFIX) && storage.getItem(key) === classId);
      if (ofThisClass) keys.push(key);
    }
    for (const key of keys) storage.removeItem(key);
  } catch {
    // storage refused: nothing more this page can do
  }
}
