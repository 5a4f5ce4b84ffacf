import { describe, expect, it } from 'vitest';
import { memoryStorage, refusingStorage } from '../test/memoryStorage.js';
import { ClassBoardCopies } from './classBoardCopies.js';
import { classBoardCopiesKey } from './storageKeys.js';

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
    const copies = new ClassBoardCopies(refusingStorage);
    expect(() => copies.note('class-1', 'group-board')).not.toThrow();
    expect(copies.take('class-1')).toEqual([]);
  });
});
