import { describe, expect, it } from 'vitest';
import { YjsRefusal } from '@conjecture/shared';
import {
  NUMBER_LINE_DEFAULT_PROPS,
  TABLE_DEFAULT_PROPS,
  segmentPoints,
} from '@conjecture/shared/board/index';
import { shapeRecord } from '@conjecture/shared/board/shapeRecordFixtures';
import { arrowShape, geoShape, strokeShape } from '../test/records.js';
import { authorshipOf, foldedAfresh } from '../test/authorshipProbes.js';
import { roomHarness, type FakePeer } from '../test/roomHarness.js';

/**
 * A shape without words — a drawing, a box, an arrow — has no words to tell Ana's work from Mallory's, so
 * Mallory deleting Ana's drawing and drawing her own under its id (or redrawing it in one change, or writing
 * a drawing over Ana's box) left Ana credited with Mallory's drawing: in hover attribution, the exports, her
 * reflection and the bulk-delete guard. Each case naming Mallory as creator failed before `workReplaced`
 * (recordLives.ts) counted a change of type and strokes not carried on; those keeping Ana hold the rule to
 * what no classmate's ordinary edit does.
 */

type Shape = Record<string, unknown> & { props: Record<string, unknown> };

const ANAS_LINE = Array.from({ length: 30 }, (_, i) => ({ x: i * 4, y: i * 2 }));
const MALLORYS_LINE = Array.from({ length: 30 }, (_, i) => ({ x: 200 - i * 3, y: 40 + i }));
const anasDrawing = (key: string) => strokeShape(key, ANAS_LINE);
const mallorysDrawing = (key: string) => strokeShape(key, MALLORYS_LINE);

function aBoardOfThree(limits: { maxOthersDeleted?: number } = {}) {
  const h = roomHarness(limits);
  const [ana, ben, mallory] = [h.join('ana'), h.join('ben'), h.join('mallory')];
  return { h, ana, ben, mallory };
}

/** `writer` writes `key` as `change` makes it from what `writer` holds. */
function rewrite(writer: FakePeer, key: string, change: (shape: Shape) => Record<string, unknown>): void {
  writer.records.set(key, change(writer.records.get(key) as Shape));
}

describe('a shape without words written again under its id', () => {
  it('deleted and redrawn by a classmate is the classmate’s drawing, after a reload too', () => {
    const { h, ana, mallory } = aBoardOfThree();
    ana.records.set('shape:d', anasDrawing('shape:d'));
    mallory.deliver();
    mallory.records.delete('shape:d');
    mallory.records.set('shape:d', mallorysDrawing('shape:d'));
    ana.deliver();
    expect(authorshipOf(h, 'shape:d')).toEqual({ creator: 'mallory', authors: ['mallory'] });
    h.reload();
    expect(authorshipOf(h, 'shape:d')).toEqual({ creator: 'mallory', authors: ['mallory'] });
    expect(foldedAfresh(h, 'shape:d').creator).toBe('mallory');
  });

  it('redrawn in one change, or a box written as a drawing, is the writer’s', () => {
    const { h, ana, mallory } = aBoardOfThree();
    ana.records.set('shape:d', anasDrawing('shape:d'));
    ana.records.set('shape:box', geoShape('shape:box'));
    mallory.deliver();
    mallory.records.set('shape:d', mallorysDrawing('shape:d'));
    mallory.records.delete('shape:box');
    mallory.records.set('shape:box', mallorysDrawing('shape:box'));
    expect(authorshipOf(h, 'shape:d')).toEqual({ creator: 'mallory', authors: ['mallory'] });
    expect(authorshipOf(h, 'shape:box')).toEqual({ creator: 'mallory', authors: ['mallory'] });
    expect(foldedAfresh(h, 'shape:box').creator).toBe('mallory');
  });

  it('edited by classmates as tldraw edits (moved, resized, recoloured, drawn on, bent, a cell typed) stays Ana’s', () => {
    const { h, ana, ben } = aBoardOfThree();
    expect(segmentPoints(anasDrawing('shape:any').props)[0]).toHaveLength(ANAS_LINE.length);
    const table = shapeRecord('table', { ...TABLE_DEFAULT_PROPS, cells: [['pens', 'price']] }, 'shape:t');
    const numberLine = shapeRecord(
      'number-line',
      { ...NUMBER_LINE_DEFAULT_PROPS, points: [{ id: 'p', value: 0.5, label: 'half' }] },
      'shape:n',
    );
    ana.doc.transact(() => {
      ana.records.set('shape:d', anasDrawing('shape:d'));
      ana.records.set('shape:box', geoShape('shape:box'));
      ana.records.set('shape:arrow', arrowShape('shape:arrow'));
      ana.records.set('shape:t', table);
      ana.records.set('shape:n', numberLine);
    });
    ben.deliver();
    const withProps = (props: Record<string, unknown>) => (s: Shape) => ({
      ...s,
      props: { ...s.props, ...props },
    });
    rewrite(ben, 'shape:d', (s) => ({ ...s, x: 300 }));
    rewrite(ben, 'shape:d', withProps({ scaleX: 2, scaleY: -1.5, color: 'red' })); // resized, flipped
    // drawn on: the draw tool re-encodes the stroke with a point added
    const drawnOn = (strokeShape('shape:d', [...ANAS_LINE, { x: 500, y: 500 }]).props as Shape).segments;
    rewrite(ben, 'shape:d', withProps({ segments: drawnOn }));
    rewrite(ben, 'shape:box', withProps({ w: 400, h: 20, geo: 'ellipse', color: 'blue' }));
    rewrite(ben, 'shape:arrow', withProps({ bend: 80, end: { x: 600, y: -40 } }));
    rewrite(ben, 'shape:t', withProps({ cells: [['pens', 'price per pen']] }));
    rewrite(ben, 'shape:n', withProps({ points: [{ id: 'p', value: 0.25, label: 'half' }] }));
    expect(ben.refusals).toEqual([]);
    for (const key of ['shape:d', 'shape:box', 'shape:arrow', 'shape:t', 'shape:n'])
      expect({ key, ...authorshipOf(h, key) }).toEqual({ key, creator: 'ana', authors: ['ana', 'ben'] });
  });

  it('redrawn by Mallory, then put back by her undo or the teacher’s restore, is Ana’s again', () => {
    const { h, ana, mallory } = aBoardOfThree();
    ana.records.set('shape:d', anasDrawing('shape:d'));
    ana.records.set('shape:box', geoShape('shape:box'));
    mallory.deliver();
    mallory.records.set('shape:d', mallorysDrawing('shape:d'));
    mallory.records.set('shape:box', mallorysDrawing('shape:box'));
    mallory.records.set('shape:d', anasDrawing('shape:d')); // her undo
    h.room.change((records) => records.set('shape:box', geoShape('shape:box'))); // a restore
    expect(authorshipOf(h, 'shape:d').creator).toBe('ana');
    expect(authorshipOf(h, 'shape:box').creator).toBe('ana');
    expect(foldedAfresh(h, 'shape:box').creator).toBe('ana');
  });

  it('redrawn in bulk is taken back like a deletion, and stays Ana’s', () => {
    const { h, ana, ben, mallory } = aBoardOfThree({ maxOthersDeleted: 5 });
    const keys = Array.from({ length: 8 }, (_, i) => `shape:d${i}`);
    ana.doc.transact(() => keys.forEach((key) => ana.records.set(key, anasDrawing(key))));
    mallory.deliver();
    mallory.doc.transact(() => keys.forEach((key) => mallory.records.set(key, mallorysDrawing(key))));
    ben.deliver();
    mallory.deliver();
    expect(mallory.refusals).toEqual([YjsRefusal.othersDeleted]);
    for (const key of keys) {
      expect(ben.records.get(key)).toEqual(anasDrawing(key));
      expect(authorshipOf(h, key).creator).toBe('ana');
    }
  });

  it('redrawn by Mallory is hers for the bulk-delete guard: deleting it again is free', () => {
    const { h, ana, mallory } = aBoardOfThree({ maxOthersDeleted: 1 });
    const keys = ['shape:d0', 'shape:d1', 'shape:d2'];
    ana.doc.transact(() => keys.forEach((key) => ana.records.set(key, anasDrawing(key))));
    mallory.deliver();
    mallory.doc.transact(() => keys.forEach((key) => mallory.records.set(key, mallorysDrawing(key))));
    mallory.deliver();
    expect(mallory.refusals).toEqual([YjsRefusal.othersDeleted]); // three of Ana's: more than her one
    mallory.records.set('shape:d0', mallorysDrawing('shape:d0')); // one: within it
    mallory.deliver();
    expect(authorshipOf(h, 'shape:d0').creator).toBe('mallory');
    h.tick(60_000);
    mallory.doc.transact(() => {
      mallory.records.delete('shape:d0'); // her own drawing now: free
      mallory.records.delete('shape:d1'); // Ana's: the one of this minute
    });
    ana.deliver();
    expect(mallory.refusals).toHaveLength(1);
    expect([ana.records.has('shape:d0'), ana.records.has('shape:d1')]).toEqual([false, false]);
  });
});
