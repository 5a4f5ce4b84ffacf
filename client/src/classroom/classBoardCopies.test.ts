import { describe, expect, it } from 'vitest';
import { ClassBoardCopies } from './classBoardCopies.js';
import { classBoardCopiesKey } from './storageKeys.js';

const memoryStorage = () => {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    removeItem: (k: string) => void items.delete(k),
  };
};

describe('class board copies', () => {
  it('names, for a class that ended, only the boards noted for that class, once each', () => {
    const copies = new ClassBoardCopies(memoryStorage());
    copies.note('class-1', 'group-board');
    copies.note('class-1', 'draft-board');
    copies.note('class-1', 'group-board'); // the board opened again on a later visit
    copies.note('class-2', 'other-class-board'); // another student's login on the same browser
    expect(copies.take('class-1')).toEqual(['group-board', 'draft-board']);
    expect(copies.take('class-1')).toEqual([]);
    expect(copies.take('class-2')).toEqual(['other-class-board']);
  });

  it('names nothing from a damaged note, and notes afresh over it', () => {
    const storage = memoryStorage();
    const copies = new ClassBoardCopies(storage);
    storage.items.set(classBoardCopiesKey('class-1'), '{not json');
    expect(copies.take('class-1')).toEqual([]);
    storage.items.set(classBoardCopiesKey('class-1'), '{not json');
    copies.note('class-1', 'group-board');
    expect(copies.take('class-1')).toEqual(['group-board']);
  });

  it('keeps working without storage (a sandboxed frame)', () => {
    const throwing = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
      removeItem: () => {
        throw new Error('denied');
      },
    };
    const copies = new ClassBoardCopies(throwing);
    expect(() => copies.note('class-1', 'group-board')).not.toThrow();
    expect(copies.take('class-1')).toEqual([]);
  });
});
