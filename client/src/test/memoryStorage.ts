import type { KeyValueStorage } from '../classroom/keyValueStorage.js';

/** A `localStorage` in memory, its items open to the test (listed by `key(i)` in the order they were set). */
export function memoryStorage(
  entries: Record<string, string> = {},
): KeyValueStorage & Pick<Storage, 'key' | 'length'> & { items: Map<string, string> } {
  const items = new Map(Object.entries(entries));
  return {
    items,
    get length() {
      return items.size;
    },
    key: (i) => [...items.keys()][i] ?? null,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
}

/** A storage that refuses every call, as a sandboxed frame's or a full one does. */
export const refusingStorage: KeyValueStorage = {
  getItem: () => {
    throw new Error('SecurityError');
  },
  setItem: () => {
    throw new Error('QuotaExceededError');
  },
  removeItem: () => {
    throw new Error('SecurityError');
  },
};
