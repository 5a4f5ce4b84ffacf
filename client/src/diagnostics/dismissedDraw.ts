import type { KeyValueStorage } from '../classroom/keyValueStorage.js';
import { drawnGroupDismissedKey } from '../classroom/storageKeys.js';

/** A draw as the notice names it: when it was published and the group it put the student in. */
type Drawn = { drawnAt: number; groupId: string };

const noteOf = ({ drawnAt, groupId }: Drawn) => `${drawnAt}:${groupId}`;

/** Whether the student dismissed this draw's notice in this browser (a refusing storage: not that we know). */
export function wasDismissed(classId: string, drawn: Drawn, storage: KeyValueStorage | null): boolean {
  try {
    return storage?.getItem(drawnGroupDismissedKey(classId)) === noteOf(drawn);
  } catch {
    return false;
  }
}

/** Only the latest draw is kept: a new draw (or a new group in it) is news again. */
export function rememberDismissed(classId: string, drawn: Drawn, storage: KeyValueStorage | null): void {
  try {
    storage?.setItem(drawnGroupDismissedKey(classId), noteOf(drawn));
  } catch {
    // storage refused: the notice may come back on the next page, which is all that is lost
  }
}
