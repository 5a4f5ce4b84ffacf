import { describe, expect, it } from 'vitest';
import { memoryStorage, refusingStorage } from '../test/memoryStorage.js';
import type { ClassView } from '@conjecture/shared';
import { LastClassStates, type LastClassState } from './lastClassState.js';
import { lastClassStateKey } from './storageKeys.js';

const state: LastClassState = {
  studentId: 'ada',
  displayName: 'Ada',
  group: { groupId: 'g1', name: 'Group 1', boardId: 'board-1' },
  paused: false,
  view: { title: 'Pen deal' } as unknown as ClassView,
};

describe('the class as the student’s page last loaded it', () => {
  it('is kept per class until the class’s session is forgotten', () => {
    const states = new LastClassStates(memoryStorage());
    states.save('class-1', state);
    states.save('class-2', { ...state, group: null });
    expect(states.read('class-1')).toEqual(state);
    states.forget('class-1');
    expect(states.read('class-1')).toBeNull();
    expect(states.read('class-2')).toMatchObject({ group: null });
  });

  it('is nothing when damaged or of another shape, and never throws without storage', () => {
    const storage = memoryStorage();
    const states = new LastClassStates(storage);
    storage.items.set(lastClassStateKey('class-1'), '{not json');
    expect(states.read('class-1')).toBeNull();
    storage.items.set(
      lastClassStateKey('class-1'),
      JSON.stringify({ ...state, group: { name: 'no board' } }),
    );
    expect(states.read('class-1')).toBeNull();
    const none = new LastClassStates(refusingStorage);
    expect(() => none.save('class-1', state)).not.toThrow();
    expect(none.read('class-1')).toBeNull();
    expect(() => none.forget('class-1')).not.toThrow();
  });
});
