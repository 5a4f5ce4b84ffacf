import { localStorageOrNull, type KeyValueStorage } from './keyValueStorage.js';
import type { ClassView, Group } from '@conjecture/shared';
import { lastClassStateKey } from './storageKeys.js';

/** What the student's page last loaded of its class: who they are, their group, the class view. */
export interface LastClassState {
  studentId: string;
  displayName: string;
  group: Group | null;
  paused: boolean;
  view: ClassView;
}

/**
 * The class as the page last loaded it, kept per class: a page reloaded without a network (the service
 * worker serves the app) opens the group board from its local copy instead of failing on `/api/me`, and
 * the board syncs once the network is back. Forgotten with the class's session (`gone`): it names the
 * classmates.
 */
export class LastClassStates {
  constructor(private readonly storage: KeyValueStorage | null = localStorageOrNull()) {}

  save(classId: string, state: LastClassState): void {
    try {
      this.storage?.setItem(lastClassStateKey(classId), JSON.stringify(state));
    } catch {
      // storage full or refused: an offline reload then fails as it did before
    }
  }

  read(classId: string): LastClassState | null {
    try {
      const parsed = JSON.parse(this.storage?.getItem(lastClassStateKey(classId)) ?? 'null') as unknown;
      return isLastClassState(parsed) ? parsed : null;
    } catch {
      return null;
    }
  }

  forget(classId: string): void {
    try {
      this.storage?.removeItem(lastClassStateKey(classId));
    } catch {
      // nothing kept to forget
    }
  }
}

/** Enough of a shape to open the page on (a damaged or older note is not). */
function isLastClassState(v: unknown): v is LastClassState {
  const s = v as Partial<LastClassState> | null;
  return (
    typeof s === 'object' &&
    s !== null &&
    typeof s.studentId === 'string' &&
    typeof s.displayName === 'string' &&
    typeof s.paused === 'boolean' &&
    typeof s.view === 'object' &&
    s.view !== null &&
    (s.group === null || (typeof s.group === 'object' && typeof s.group?.boardId === 'string'))
  );
}

export const lastClassStates = new LastClassStates();
