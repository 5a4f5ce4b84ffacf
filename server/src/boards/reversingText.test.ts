import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { mayHoldReversingText, mendedText, reversingTextRefusal } from './reversingText.js';
import { geoShape, noteShape } from '../test/records.js';

const RLO = '\u202e';

describe('the refusal of text that turns backwards, as a function of the change', () => {
  it('refuses a new string holding an embedding or an override, wherever the record keeps it', () => {
    for (const control of ['\u202a', '\u202b', '\u202c', '\u202d', RLO]) {
      expect(reversingTextRefusal('shape:n', undefined, noteShape('shape:n', `a${control}b`))).toMatch(
        /turns text backwards/,
      );
      const meta = geoShape('shape:g', { meta: { note: [`x${control}`] } });
      expect(reversingTextRefusal('shape:g', geoShape('shape:g'), meta)).toMatch(/turns text backwards/);
    }
  });

  it('lets a note stored before the check be moved, its text untouched; a change to that text is refused', () => {
    const old = noteShape('shape:n', `Ours ${RLO}works`);
    expect(reversingTextRefusal('shape:n', old, { ...old, x: 300 })).toBeNull();
    expect(reversingTextRefusal('shape:n', old, noteShape('shape:n', `Ours ${RLO}works!`))).not.toBeNull();
  });

  it('lets isolates, marks and every other letter through', () => {
    const honest = noteShape('shape:n', 'ثمن\u200f \u20662/3\u2069 \u2067x\u200e');
    expect(reversingTextRefusal('shape:n', undefined, honest)).toBeNull();
  });

  it('mends a stored record’s text by the rule written text follows, and leaves a readable one alone', () => {
    const mended = mendedText(noteShape('shape:n', `Ours ${RLO}works`));
    expect(mended).toEqual(noteShape('shape:n', 'Ours works'));
    expect(mendedText(noteShape('shape:n', 'Ours works'))).toBeNull();
  });
});

describe('which updates are read for text that turns backwards', () => {
  const updateWriting = (value: unknown) => {
    const doc = new Y.Doc();
    doc.getMap('records').set('shape:n', value);
    return Y.encodeStateAsUpdate(doc);
  };

  it('reads an update whose strings hold an embedding or an override, nested or not', () => {
    for (const control of ['\u202a', '\u202b', '\u202c', '\u202d', RLO])
      expect(mayHoldReversingText(updateWriting(noteShape('shape:n', `a${control}b`)))).toBe(true);
    expect(mayHoldReversingText(updateWriting({ meta: { deep: [[`x${RLO}`]] } }))).toBe(true);
  });

  it('passes over one with other characters of the same lead byte: quotes, arrows, a dash, isolates', () => {
    const text = 'It\u2019s \u201cx \u2192 2x\u201d \u2014 \u2067\u0627\u2069 \u200f\u2026';
    expect(mayHoldReversingText(updateWriting(noteShape('shape:n', text)))).toBe(false);
  });
});
