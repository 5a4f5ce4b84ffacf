import { describe, expect, it } from 'vitest';
import { memoryStorage, refusingStorage } from '../test/memoryStorage.js';
import type { BoardId } from '@conjecture/shared';
import { LocalCopyNotes, localCopyNoteKey } from './localCopyNotes.js';

const board = 'board-1' as BoardId;

describe('LocalCopyNotes', () => {
  it('knows a board has no copy until one is noted, and again once it is forgotten', () => {
    const storage = memoryStorage();
    const notes = new LocalCopyNotes(storage);
    expect(notes.mayHave(board)).toBe(false);
    notes.note(board);
    expect(notes.mayHave(board)).toBe(true);
    expect(storage.items.has(localCopyNoteKey(board))).toBe(true);
    expect(notes.mayHave('board-2' as BoardId)).toBe(false);
    notes.forget(board);
    expect(notes.mayHave(board)).toBe(false);
  });

  it('assumes a copy when storage cannot be read, and never throws', () => {
    const notes = new LocalCopyNotes(refusingStorage);
    expect(notes.mayHave(board)).toBe(true);
    expect(() => notes.note(board)).not.toThrow();
    expect(() => notes.forget(board)).not.toThrow();
    expect(new LocalCopyNotes(null).mayHave(board)).toBe(true);
  });
});
