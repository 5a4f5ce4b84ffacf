import { describe, expect, it } from 'vitest';
import { YjsRefusal } from '@conjecture/shared';
import { MIN_SHAPE_SCALE } from '@conjecture/shared/board/index';
import { geoShape, noteShape } from '../test/records.js';
import { roomHarness, type FakePeer } from '../test/roomHarness.js';

/**
 * Words shrunk to specks are taken away as surely as words drawn white: a scale of 0.05 (`MIN_SHAPE_SCALE`,
 * which the server lets stand) draws tldraw's smallest font under a pixel. Select all and one script write
 * shrank a group's notes and labels so; the bulk-delete guard did not count it (the first case failed before
 * `wordsShrunkAway`). What tldraw writes honestly stays uncounted: a note made at 0.125 by a student zoomed
 * all the way in (its dynamic size) and resized a little, a box without words whose scale only thins its
 * outline.
 */

type Shape = Record<string, unknown> & { props: Record<string, unknown> };

const { richText: LABEL } = noteShape('shape:any', 'the area is 12').props as { richText: unknown };

function anasEight(make: (key: string, i: number) => Record<string, unknown>) {
  const h = roomHarness({ maxOthersDeleted: 5 });
  const [ana, ben, mallory] = [h.join('ana'), h.join('ben'), h.join('mallory')];
  const anas = Array.from({ length: 8 }, (_, i) => `shape:a${i}`);
  ana.doc.transact(() => anas.forEach((key, i) => ana.records.set(key, make(key, i))));
  ben.deliver();
  mallory.deliver();
  return { h, ana, ben, mallory, anas };
}

/** `peer` sets `scale` on each of `keys` in one change, as a select-all resize or a script would. */
function scaleAll(peer: FakePeer, keys: readonly string[], scale: number): void {
  peer.doc.transact(() => {
    for (const key of keys) {
      const shape = peer.records.get(key) as Shape;
      peer.records.set(key, { ...shape, props: { ...shape.props, scale } });
    }
  });
}

const scales = (peer: FakePeer, keys: readonly string[]) =>
  keys.map((key) => (peer.records.get(key) as Shape).props.scale);

/** Ana's notes and boxes with her words on them, alternately. */
const worded = (key: string, i: number) =>
  i % 2 === 0
    ? noteShape(key, `Ana's idea ${i}`)
    : { ...geoShape(key), props: { ...(geoShape(key).props as object), richText: LABEL } };

describe('a classmate’s words shrunk in bulk', () => {
  it('to a scale that draws them under a pixel is taken back like a deletion', () => {
    const { ben, mallory, anas } = anasEight(worded);
    scaleAll(mallory, anas, MIN_SHAPE_SCALE);
    ben.deliver();
    mallory.deliver();
    expect(scales(ben, anas)).toEqual(anas.map(() => 1));
    expect(scales(mallory, anas)).toEqual(anas.map(() => 1));
    expect(mallory.refusals).toEqual([YjsRefusal.othersDeleted]);
  });

  it('as tldraw resizes them from its dynamic size (0.125 at its closest zoom) stands', () => {
    const { ben, mallory, anas } = anasEight((key, i) => {
      const shape = worded(key, i) as Shape;
      return { ...shape, props: { ...shape.props, scale: 0.125 } };
    });
    scaleAll(mallory, anas, 0.1);
    ben.deliver();
    mallory.deliver();
    expect(scales(ben, anas)).toEqual(anas.map(() => 0.1));
    expect(mallory.refusals).toEqual([]);
  });

  it('stands for boxes without words, and for the writer’s own notes', () => {
    const { ben, mallory, anas } = anasEight((key) => geoShape(key));
    scaleAll(mallory, anas, MIN_SHAPE_SCALE);
    const own = Array.from({ length: 8 }, (_, i) => `shape:m${i}`);
    mallory.doc.transact(() =>
      own.forEach((key, i) => mallory.records.set(key, noteShape(key, `mine ${i}`))),
    );
    scaleAll(mallory, own, MIN_SHAPE_SCALE);
    ben.deliver();
    mallory.deliver();
    expect(scales(ben, [...anas, ...own])).toEqual([...anas, ...own].map(() => MIN_SHAPE_SCALE));
    expect(mallory.refusals).toEqual([]);
  });
});
