import { describe, expect, it } from 'vitest';
import { shapeRecord } from './shapeRecordFixtures.js';
import { writtenContent, wordsTakenAway } from './wordsTakenAway.js';

describe('whether a rewrite takes a text’s words away', () => {
  it('is so when the text goes, or when fewer than half of its words stay', () => {
    expect(wordsTakenAway('3 pens for $2 is cheaper', null)).toBe(true);
    expect(wordsTakenAway('3 pens for $2 is cheaper', '.')).toBe(true);
    expect(wordsTakenAway('3 pens for $2 is cheaper', 'lol nope')).toBe(true);
    expect(wordsTakenAway('I think 5 pens for $3', 'I think nothing here works')).toBe(true);
  });

  it('is not so for an edit that keeps most of the words: a fix, an addition, a reordering', () => {
    expect(wordsTakenAway('3 pens for $2 is cheaper', '3 pens for $2 is cheaper per pen')).toBe(false);
    expect(wordsTakenAway('3 pens for $2 is chaeper', '3 pens for $2 is cheaper')).toBe(false);
    expect(wordsTakenAway('Cheaper: 3 pens for $2', '3 pens for $2, cheaper')).toBe(false);
    expect(wordsTakenAway('Same words', 'same   WORDS')).toBe(false);
    expect(wordsTakenAway('Between: 1/3, 2/5 and 1/2.', 'between 1/3 2/5 1/2')).toBe(false);
  });

  it('is not so where there were no words, or where they are unchanged', () => {
    expect(wordsTakenAway(null, 'new words')).toBe(false);
    expect(wordsTakenAway(null, null)).toBe(false);
    expect(wordsTakenAway('7', '7')).toBe(false);
  });

  it('counts a word only as often as the old text had it, and punctuation as no word', () => {
    expect(wordsTakenAway('a b c d', 'a a a a')).toBe(true);
    expect(wordsTakenAway('1/3 < 2/5 < 1/2', '. , ; !')).toBe(true);
    expect(wordsTakenAway('?', '!')).toBe(false);
  });
});

describe('what a shape has written in it', () => {
  it('is its text, an equation’s source, or a table’s cells; nothing for a shape without words', () => {
    const note = shapeRecord('text', {
      richText: {
        type: 'doc',
        content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Cheaper' }] }],
      },
    });
    expect(writtenContent(note)).toBe('Cheaper');
    expect(writtenContent(shapeRecord('equation', { latex: 'x = \\frac{3}{4}' }))).toBe('x = \\frac{3}{4}');
    expect(writtenContent(shapeRecord('equation', { latex: '  ' }))).toBeNull();
    expect(
      writtenContent(
        shapeRecord('table', {
          cells: [
            ['pens', 'price'],
            ['3', '$2'],
            ['', ''],
          ],
        }),
      ),
    ).toBe('pens price 3 $2');
    expect(writtenContent(shapeRecord('table', { cells: [['', '']] }))).toBeNull();
    const line = (points: Array<{ id: string; value: number; label: string }>) =>
      shapeRecord('number-line', { points });
    expect(
      writtenContent(
        line([
          { id: 'p1', value: 0.5, label: 'half' },
          { id: 'p2', value: 2, label: '' },
        ]),
      ),
    ).toBe('p1 half p2');
    // a point dragged along the line is the same point; its removal takes it away
    const three = [
      { id: 'p1', value: 1, label: '' },
      { id: 'p2', value: 2, label: '' },
      { id: 'p3', value: 3, label: '' },
    ];
    expect(
      wordsTakenAway(
        writtenContent(line(three)),
        writtenContent(line(three.map((p) => ({ ...p, value: p.value + 7 })))),
      ),
    ).toBe(false);
    expect(wordsTakenAway(writtenContent(line(three)), writtenContent(line(three.slice(0, 1))))).toBe(true);
    expect(
      writtenContent(
        shapeRecord('coordinate-plane', {
          points: [{ id: 'a', x: 1, y: 2, label: 'A' }],
          functions: [{ id: 'f', text: 'y = 2x + 1', color: 'blue' }],
        }),
      ),
    ).toBe('a A f y = 2x + 1');
    expect(writtenContent(shapeRecord('geo', { w: 10 }))).toBeNull();
    expect(writtenContent(undefined)).toBeNull();
  });
});
