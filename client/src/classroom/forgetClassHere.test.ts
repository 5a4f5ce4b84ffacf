import { describe, expect, it } from 'vitest';
import { forgetClassHere } from './forgetClassHere.js';
import { bankDraftKey, coachTokenKey, lastClassStateKey, studentTokenKey } from './storageKeys.js';

/** A Map standing in for localStorage, in insertion order as a browser lists it. */
function memoryStorage(entries: Record<string, string>) {
  const map = new Map(Object.entries(entries));
  return {
    map,
    get length() {
      return map.size;
    },
    key: (i: number) => [...map.keys()][i] ?? null,
    getItem: (key: string) => map.get(key) ?? null,
    setItem: (key: string, value: string) => void map.set(key, value),
    removeItem: (key: string) => void map.delete(key),
  };
}

describe('forgetting a deleted class in this browser', () => {
  it('removes every key of the class — the teacher’s unfinished diagnostic too — and nothing of another', () => {
    const storage = memoryStorage({
      [studentTokenKey('c1')]: 't',
      [coachTokenKey('c1')]: 'c',
      [lastClassStateKey('c1')]: '{}',
      [bankDraftKey('c1')]: '{"title":"Ratios, half written"}',
      [studentTokenKey('c2')]: 'other class',
      'conjecture:class:c10:lastState': 'a class whose id starts the same',
      unrelated: 'x',
    });
    forgetClassHere('c1', storage);

    expect([...storage.map.keys()].sort()).toEqual(
      [studentTokenKey('c2'), 'conjecture:class:c10:lastState', 'unrelated'].sort(),
    );
  });

  it('does nothing where there is no storage', () => {
    expect(() => forgetClassHere('c1', null)).not.toThrow();
  });
});
