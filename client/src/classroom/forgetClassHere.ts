import { localStorageOrNull } from './keyValueStorage.js';

/** The part of `localStorage` a sweep needs: its keys, and removing them. */
export type SweepableStorage = Pick<Storage, 'key' | 'length' | 'removeItem'>;

/**
 * Everything this browser keeps under a deleted class's keys: its tokens, the teacher's unfinished diagnostic,
 * the last state a page saw, the list of boards copied. "Delete the class and all its data" leaves none of it
 * on the laptop that deleted it (the boards' offline copies go with `clearLocalBoards`).
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
      if (key?.startsWith(prefix)) keys.push(key);
    }
    for (const key of keys) storage.removeItem(key);
  } catch {
    // storage refused: nothing more this page can do
  }
}
