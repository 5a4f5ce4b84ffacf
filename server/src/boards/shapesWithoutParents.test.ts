import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { YjsRefusal } from '@conjecture/shared';
import { frameShape, geoShape } from '../test/records.js';
import { roomHarness, storedRecords } from '../test/roomHarness.js';

/**
 * tldraw draws only the shapes whose parents lead to the board's page: a shape whose parent is not on the
 * board is kept but drawn nowhere. Its editor never writes one (deleting a frame deletes what it holds), so
 * a student whose script did hid the group's work without a deletion anyone's budget counted.
 */

const shapeOf = (peer: { records: { get(key: string): unknown } }, key: string) =>
  peer.records.get(key) as Record<string, unknown> | undefined;

/** Ana's shape on the page and Mallory's frame (at 100, 50) holding Ana's other shape (at 30, 40 in it). */
function anaWorkedInMallorysFrame() {
  const h = roomHarness();
  const ana = h.join('ana');
  const ben = h.join('ben');
  const mallory = h.join('mallory');
  ana.records.set('shape:onPage', geoShape('shape:onPage'));
  mallory.records.set('shape:frame', frameShape('shape:frame', { x: 100, y: 50, index: 'a3' }));
  ana.deliver();
  ana.records.set('shape:framed', geoShape('shape:framed', { parentId: 'shape:frame', x: 30, y: 40 }));
  ben.deliver();
  mallory.deliver();
  return { h, ana, ben, mallory };
}

describe('a shape without a parent on the board', () => {
  it('is refused when a change gives it a parent that is not there, and its writer is told', () => {
    const { ben, mallory } = anaWorkedInMallorysFrame();
    mallory.records.set('shape:onPage', { ...shapeOf(mallory, 'shape:onPage'), parentId: 'shape:ghost' });
    ben.deliver();
    mallory.deliver();
    for (const peer of [ben, mallory])
      expect(shapeOf(peer, 'shape:onPage')).toMatchObject({ parentId: 'page:page' });
    expect(mallory.refusals).toEqual([YjsRefusal.notAccepted]);
  });

  it('stands when its new parent comes in the same change', () => {
    const { ana, ben } = anaWorkedInMallorysFrame();
    ana.doc.transact(() => {
      ana.records.set('shape:onPage', { ...shapeOf(ana, 'shape:onPage'), parentId: 'shape:newFrame' });
      ana.records.set('shape:newFrame', frameShape('shape:newFrame'));
    });
    ben.deliver();
    expect(shapeOf(ben, 'shape:onPage')).toMatchObject({ parentId: 'shape:newFrame' });
    expect(ana.refusals).toEqual([]);
  });

  it('left behind when its frame alone is deleted comes out onto the page where it was drawn', () => {
    const { ana, ben, mallory } = anaWorkedInMallorysFrame();
    mallory.records.delete('shape:frame');
    for (const peer of [ana, ben, mallory]) {
      peer.deliver();
      expect(peer.records.has('shape:frame')).toBe(false); // her own frame: hers to delete
      expect(shapeOf(peer, 'shape:framed')).toMatchObject({ parentId: 'page:page', x: 130, y: 90 });
      expect(String(shapeOf(peer, 'shape:framed')?.index) > 'a3').toBe(true);
    }
  });

  it('left behind by frames deleted together comes out where it was drawn through both', () => {
    const { ana, ben, mallory } = anaWorkedInMallorysFrame();
    mallory.records.set('shape:outer', frameShape('shape:outer', { x: 1_000, y: 0, index: 'a2' }));
    mallory.records.set('shape:frame', { ...shapeOf(mallory, 'shape:frame'), parentId: 'shape:outer' });
    ana.deliver();
    mallory.doc.transact(() => {
      mallory.records.delete('shape:outer');
      mallory.records.delete('shape:frame');
    });
    ben.deliver();
    expect(shapeOf(ben, 'shape:framed')).toMatchObject({ parentId: 'page:page', x: 1_130, y: 90 });
  });

  it('is not made when a frame is deleted with what it holds, as tldraw does', () => {
    const { h, ana, ben } = anaWorkedInMallorysFrame();
    const before = h.store.updatesAfter(h.boardId, 0).length;
    ana.doc.transact(() => {
      ana.records.delete('shape:framed');
      ana.records.delete('shape:frame');
    });
    ben.deliver();
    expect(ben.records.has('shape:framed')).toBe(false);
    expect(h.store.updatesAfter(h.boardId, 0).length).toBe(before + 1); // no change of the server's
  });

  it('stored before such changes were refused is put on the page when the board loads', () => {
    const { h } = anaWorkedInMallorysFrame();
    const old = new Y.Doc();
    Y.applyUpdate(old, Y.encodeStateAsUpdate(h.room.doc));
    const stray = geoShape('shape:stray', { parentId: 'shape:ghost', x: 70, y: 80 });
    old.getArray('tldraw').push([{ key: 'shape:stray', val: stray }]);
    h.store.appendUpdates(h.boardId, [
      { update: Y.encodeStateAsUpdate(old, Y.encodeStateVector(h.room.doc)), author: 'mallory', at: 0 },
    ]);
    h.reload();
    expect(shapeOf(h.join('ben'), 'shape:stray')).toMatchObject({ parentId: 'page:page', x: 70, y: 80 });
    expect(storedRecords(h.store, h.boardId).get('shape:framed')).toMatchObject({ parentId: 'shape:frame' });
  });

  it('left behind by a change that is partly refused comes out all the same, and the refused part goes', () => {
    const { ben, mallory } = anaWorkedInMallorysFrame();
    mallory.doc.transact(() => {
      mallory.records.delete('shape:frame');
      mallory.records.set('shape:faded', geoShape('shape:faded', { opacity: 0 }));
    });
    ben.deliver();
    expect(shapeOf(ben, 'shape:framed')).toMatchObject({ parentId: 'page:page', x: 130, y: 90 });
    expect(ben.records.has('shape:faded')).toBe(false);
    expect(ben.records.has('shape:frame')).toBe(false);
  });
});
