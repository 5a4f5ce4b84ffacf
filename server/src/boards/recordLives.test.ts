import { describe, expect, it } from 'vitest';
import { b64Vecs } from '@tldraw/tlschema';
import { writeLife, type KeyLives, type RecordWork, type RecordWrite } from './recordLives.js';

/** Folds writes of one key in order; `null` marks a deletion (which the rule does not need to know of). */
function fold(writes: Array<Omit<RecordWrite, 'at'> | null>): KeyLives {
  let lives: KeyLives | undefined;
  writes.forEach((w, at) => {
    if (w !== null) lives = writeLife(lives, { ...w, at });
  });
  return lives!;
}
const note = (words: string | null): RecordWork => ({ type: 'note', words, strokes: null });
const by = (author: string, content: string | null | RecordWork) => ({
  author,
  work: typeof content === 'object' && content !== null ? content : note(content),
});
/** A drawing of one free segment per stroke named: `A`, `B`… lines from different starts. */
const drawing = (...strokes: string[]): RecordWork => ({
  type: 'draw',
  words: null,
  strokes: strokes.map((name) => ({ type: 'free', path: PATHS[name]! })),
});
const line = (from: number) => Array.from({ length: 20 }, (_, i) => ({ x: from + i, y: i, z: 0.5 }));
const PATHS: Record<string, string> = { A: b64Vecs.encodePoints(line(0)), B: b64Vecs.encodePoints(line(50)) };
const box: RecordWork = { type: 'geo', words: null, strokes: null };
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
    expect(writeLife(restored, { author: 'server', at: 9, work: note('half of 8') }).current.creator).toBe(
      'ana',
    );
  });

  it('keeps a shape without words written again as it was its creator’s', () => {
    expect(fold([by('ana', null), null, by('mallory', null)]).current.creator).toBe('ana');
  });

  it('starts again when a shape without words is written as another type, or a drawing is redrawn', () => {
    expect(fold([by('ana', box), null, by('mallory', drawing('A'))]).current.creator).toBe('mallory');
    expect(fold([by('ana', box), by('mallory', drawing('A'))]).current.creator).toBe('mallory');
    expect(fold([by('ana', drawing('A')), by('mallory', drawing('B'))]).current).toEqual({
      creator: 'mallory',
      authors: ['mallory'],
      firstAt: 1,
    });
    expect(fold([by('ana', drawing('A')), null, by('mallory', box)]).current.creator).toBe('mallory');
  });

  it('keeps a drawing drawn on, moved or written again as it was in its creator’s life', () => {
    const { current } = fold([
      by('ana', drawing('A')),
      by('ben', drawing('A', 'B')), // a shift-click adds a segment
      by('ben', drawing('A', 'B')), // moved
    ]);
    expect(current).toEqual({ creator: 'ana', authors: ['ana', 'ben'], firstAt: 0 });
  });

  it('returns a drawing or a box to the life that drew it when it comes back over new work', () => {
    const redrawn = fold([by('ana', drawing('A')), by('mallory', drawing('B'))]);
    expect(writeLife(redrawn, { author: 'server', at: 5, work: drawing('A') }).current.creator).toBe('ana');
    const retyped = fold([by('ana', box), by('mallory', drawing('B'))]);
    expect(writeLife(retyped, { author: 'server', at: 5, work: box }).current.creator).toBe('ana');
  });

  it('does not return an emptied shape to the life whose words it held, through another type either', () => {
    const emptied = fold([
      by('ana', null),
      by('ana', ANAS),
      by('mallory', drawing('B')),
      by('mallory', null),
    ]);
    expect(emptied.current.creator).toBe('mallory');
    expect(writeLife(emptied, { author: 'mallory', at: 9, work: note(MALLORYS) }).current.creator).toBe(
      'mallory',
    );
  });

  it('says whether a write started the life it is in', () => {
    const lives = fold([by('ana', ANAS)]);
    expect(lives.startedNow).toBe(true);
    expect(writeLife(lives, { author: 'ben', at: 1, work: note(`${ANAS} pens`) }).startedNow).toBe(false);
    expect(writeLife(lives, { author: 'mallory', at: 2, work: note(MALLORYS) }).startedNow).toBe(true);
    expect(writeLife(lives, { author: 'ana', at: 3, work: note(ANAS) }).startedNow).toBe(false); // back
  });
});
