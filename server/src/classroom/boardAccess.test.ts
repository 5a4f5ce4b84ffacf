import { describe, expect, it } from 'vitest';
import { BoardAccessPolicy, OUTSIDE_CLASS_RECHECK_MS } from './boardAccess.js';

/** A store answering only where boards sit, counting how often it is asked. */
function storeWith(groups: Map<string, string>) {
  const asked = { count: 0 };
  const store = {
    groupByBoard: (boardId: string) => {
      asked.count++;
      const classId = groups.get(boardId);
      return classId ? { classId, groupId: 'g', boardId } : undefined;
    },
    draftByBoard: () => undefined,
  };
  return { store: store as never, asked };
}

describe('the class of a board', () => {
  it('asks the store about a board outside any class at most once per recheck period', () => {
    const groups = new Map<string, string>();
    const { store, asked } = storeWith(groups);
    let now = 1000;
    const policy = new BoardAccessPolicy({ store, now: () => now });
    expect(policy.classOfBoard('b1')).toBeUndefined();
    expect(policy.classOfBoard('b1')).toBeUndefined();
    expect(asked.count).toBe(1);
    groups.set('b1', 'c1'); // as a fresh board joins a class
    now += OUTSIDE_CLASS_RECHECK_MS;
    expect(policy.classOfBoard('b1')).toBe('c1');
    expect(policy.classOfBoard('b1')).toBe('c1');
    expect(asked.count).toBe(2);
  });

  it('asks again at once after forgetting a board', () => {
    const groups = new Map<string, string>();
    const { store, asked } = storeWith(groups);
    const policy = new BoardAccessPolicy({ store, now: () => 0 });
    expect(policy.classOfBoard('b1')).toBeUndefined();
    groups.set('b1', 'c1');
    policy.forgetBoard('b1');
    expect(policy.classOfBoard('b1')).toBe('c1');
    expect(asked.count).toBe(2);
  });
});
