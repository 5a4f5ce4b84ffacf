import { describe, expect, it } from 'vitest';
import type { BoardId } from '@conjecture/shared';
import { LocalCopyNotes, localCopyNoteKey } from './localCopyNotes.js';

const board = 'board-1' as BoardId;

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
}

const refusing = {
  getItem: (): string | null => {
    throw new Error('SecurityError');
  },
  setItem: () => {
    throw new Error('QuotaExceededError');
  },
  removeItem: () => {
    throw new Error('SecurityError');
  },
};

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
    const notes = new LocalCopyNotes(refusing);
    expect(notes.mayHave(board)).toBe(true);
    expect(() => notes.note(board)).not.toThrow();
    expect(() => notes.forget(board)).not.toThrow();
    expect(new LocalCopyNotes(null).mayHave(board)).toBe(true);
  });
});
