import type { KeyValueStorage } from './keyValueStorage.js';
import { normalizeJoinCode } from '@conjecture/shared';
import { localDbName } from '../sync/boardSession.js';
import { localCopyNotes } from '../sync/localCopyNotes.js';
import { coachTokenKey, joinCodeKey, projectorTokenKey, studentTokenKey } from './storageKeys.js';

/**
 * Session tokens kept in this browser, one per class: a reload or a rejoin with the same code presents the
 * token again, so the server returns the same student (same group, same board). The join code maps to the
 * class so the join page can find the token before it knows the class.
 */
export class ClassCredentials {
  constructor(private readonly storage: KeyValueStorage = globalThis.localStorage) {}

  studentToken(classId: string): string | null {
    return this.storage.getItem(studentTokenKey(classId));
  }

  /** The token this browser holds for the class a join code opens, if it joined it before. */
  tokenForJoinCode(joinCode: string): string | null {
    const code = normalizeJoinCode(joinCode);
    const classId = code ? this.storage.getItem(joinCodeKey(code)) : null;
    return classId ? this.studentToken(classId) : null;
  }

  saveStudent(classId: string, joinCode: string, token: string): void {
    this.storage.setItem(studentTokenKey(classId), token);
    const code = normalizeJoinCode(joinCode);
    if (code) this.storage.setItem(joinCodeKey(code), classId);
  }

  projectorToken(classId: string): string | null {
    return this.storage.getItem(projectorTokenKey(classId));
  }

  saveProjector(classId: string, token: string): void {
    this.storage.setItem(projectorTokenKey(classId), token);
  }

  /** A coach's read-only evidence session, from the teacher's coach link. */
  coachToken(classId: string): string | null {
    return this.storage.getItem(coachTokenKey(classId));
  }

  saveCoach(classId: string, token: string): void {
    this.storage.setItem(coachTokenKey(classId), token);
  }

  /** The teacher turned the coach link off or made a new one: this browser's coach session is over. */
  forgetCoach(classId: string): void {
    this.storage.removeItem(coachTokenKey(classId));
  }

  /** The teacher made a new projector link: this browser's projector session is over (nothing else of it). */
  forgetProjector(classId: string): void {
    this.storage.removeItem(projectorTokenKey(classId));
  }
}

export const credentials = new ClassCredentials();

/** Deletes this browser's IndexedDB copies of the boards (a deleted class leaves no data behind). */
export async function clearLocalBoards(boardIds: readonly string[]): Promise<void> {
  await Promise.all(
    boardIds.map(
      (boardId) =>
        new Promise<void>((resolve) => {
          localCopyNotes.forget(boardId);
          const request = indexedDB.deleteDatabase(localDbName(boardId));
          request.onsuccess = request.onerror = request.onblocked = () => resolve();
        }),
    ),
  );
}

/**
 * Reads `#key=…` from the address and removes it at once (`replaceState`), so a projected laptop, the
 * history and a bookmark never show the secret. Returns null when there is none.
 */
export function takeKeyFromHash(
  location: Location = window.location,
  history: History = window.history,
): string | null {
  const match = /(?:^#|&)key=([^&]+)/.exec(location.hash);
  if (!match?.[1]) return null;
  history.replaceState(history.state, '', location.pathname + location.search);
  return decodeURIComponent(match[1]);
}

const takenKeys = new Map<string, string | null>();

/** `takeKeyFromHash` once per path: React may render twice (StrictMode), the key is in the address once. */
export function takeKeyOnce(): string | null {
  const path = window.location.pathname;
  if (!takenKeys.has(path)) takenKeys.set(path, takeKeyFromHash());
  return takenKeys.get(path) ?? null;
}
