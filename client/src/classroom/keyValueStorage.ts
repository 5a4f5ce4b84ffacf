/** The part of `localStorage` the page's small notes use: injectable, so their rules are tested without a browser. */
export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** This page's localStorage, or null where reading it throws (a sandboxed frame, storage disabled). */
export function localStorageOrNull(): KeyValueStorage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}
