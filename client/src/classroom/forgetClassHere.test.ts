import { describe, expect, it } from 'vitest';
import { memoryStorage } from '../test/memoryStorage.js';
import { forgetClassHere } from './forgetClassHere.js';
import {
  bankDraftKey,
  coachTokenKey,
  joinCodeKey,
  lastClassStateKey,
  studentTokenKey,
} from './storageKeys.js';

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

    expect([...storage.items.keys()].sort()).toEqual(
      [studentTokenKey('c2'), 'conjecture:class:c10:lastState', 'unrelated'].sort(),
    );
  });

  it('removes the join code that led to the class, not one that leads to another', () => {
    const storage = memoryStorage({
      [joinCodeKey('ACK34X')]: 'c1',
      [joinCodeKey('CDEFGH')]: 'c2',
      [studentTokenKey('c1')]: 't',
    });
    forgetClassHere('c1', storage);

    expect([...storage.items.keys()]).toEqual([joinCodeKey('CDEFGH')]);
  });

  it('does nothing where there is no storage', () => {
    expect(() => forgetClassHere('c1', null)).not.toThrow();
  });
});
