import { describe, expect, it } from 'vitest';
import { writeLife, type KeyLives, type RecordWrite } from './recordLives.js';

/** Folds writes of one key in order; `null` marks a deletion (which the rule does not need to know of). */
function fold(writes: Array<Omit<RecordWrite, 'at'> | null>): KeyLives {
  let lives: KeyLives | undefined;
  writes.forEach((w, at) => {
    if (w !== null) lives = writeLife(lives, { ...w, at });
  });
  return lives!;
}
const by = (author: string, content: string | null) => ({ author, content });
const ANAS = 'half of 8 is 4 so each gets 4';
const MALLORYS = 'nobody knows anything';

describe('the life of a record key', () => {
  it('starts with its first writer, and edits, moves and fixes stay in it', () => {
    const { current } = fold([by('ana', ANAS), by('ben', ANAS), by('ben', `${ANAS} pens`)]);
    expect(current).toEqual({ creator: 'ana', authors: ['ana', 'ben'], firstAt: 0 });
  });

  it('starts again when new words are written after a deletion, or over words taken away', () => {
    expect(fold([by('ana', ANAS), null, by('mallory', MALLORYS)]).current).toEqual({
      creator: 'mallory',
      authors: ['mallory'],
      firstAt: 2,
    });
    expect(fold([by('ana', ANAS), by('mallory', MALLORYS)]).current.creator).toBe('mallory');
    expect(fold([by('ana', ANAS), by('mallory', null), by('mallory', MALLORYS)]).current.creator).toBe(
      'mallory',
    );
    expect(fold([by('ana', ANAS), null, by('mallory', null)]).current.creator).toBe('mallory');
  });

  it('returns to the life that wrote the words when they come back, whoever writes them', () => {
    expect(fold([by('ana', ANAS), null, by('ana', ANAS)]).current).toEqual({
      creator: 'ana',
      authors: ['ana'],
      firstAt: 0,
    });
    expect(fold([by('ana', ANAS), null, by('mallory', ANAS)]).current.creator).toBe('ana');
    // Ben's offline copy, with his fix, sent after Mallory deleted the note
    expect(fold([by('ana', ANAS), null, by('ben', `${ANAS} pens`)]).current).toEqual({
      creator: 'ana',
      authors: ['ana', 'ben'],
      firstAt: 0,
    });
    // an earlier moment restored over a classmate's new words
    const restored = fold([by('ana', 'half of 8'), by('ana', ANAS), null, by('mallory', MALLORYS)]);
    expect(writeLife(restored, { author: 'server', at: 9, content: 'half of 8' }).current.creator).toBe(
      'ana',
    );
  });

  it('keeps a shape without words written again as it was its creator’s', () => {
    expect(fold([by('ana', null), null, by('mallory', null)]).current.creator).toBe('ana');
  });
});
