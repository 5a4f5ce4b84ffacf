import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { YjsRefusal } from '@conjecture/shared';
import { arrowBinding, arrowShape, frameShape, geoShape } from '../test/records.js';
import { roomHarness, storedRecords } from '../test/roomHarness.js';
import { HIDDEN_AT_MOST_MS, HIDDEN_SETTLE_MS } from './hiddenInFrames.js';

/**
 * A frame draws only what lies inside it, so a shape kept in a frame but moved wholly outside it is on the
 * board yet drawn nowhere — taken from the group without a deletion. tldraw's editor clips shapes that way
 * only while a drag or a resize lasts; the room moves a shape still hidden once that has settled.
 */

/** Ana's frame (400 × 300 at 100, 50) holding her shape (100 × 80 at 100, 100 in it); Ben and Mallory have both. */
function anaFramedHerWork() {
  const h = roomHarness();
  const ana = h.join('ana');
  const ben = h.join('ben');
  const mallory = h.join('mallory');
  ana.doc.transact(() => {
    ana.records.set('shape:frame', frameShape('shape:frame', { x: 100, y: 50, index: 'a1' }));
    ana.records.set('shape:work', geoShape('shape:work', { parentId: 'shape:frame', x: 100, y: 100 }));
  });
  ben.deliver();
  mallory.deliver();
  return { h, ana, ben, mallory };
}
const work = (peer: { records: { get(key: string): unknown } }) =>
  peer.records.get('shape:work') as Record<string, unknown>;

describe('a shape hidden outside the frame that holds it', () => {
  it('is moved out onto the page where it stands once the change settles, and its hider alone is told', () => {
    const { h, ana, ben, mallory } = anaFramedHerWork();
    const told: unknown[] = [];
    h.room.onWipeUndone((...args) => told.push(args));
    mallory.records.set('shape:work', { ...work(mallory), x: 5_000 });
    ben.deliver();
    expect(work(ben)).toMatchObject({ parentId: 'shape:frame', x: 5_000 }); // a drag looks the same
    h.tick(HIDDEN_SETTLE_MS - 1);
    ben.deliver();
    expect(work(ben)).toMatchObject({ parentId: 'shape:frame' });

    h.tick(1);
    for (const peer of [ana, ben, mallory]) {
      peer.deliver();
      expect(work(peer)).toMatchObject({ parentId: 'page:page', x: 5_100, y: 150, props: work(ana).props });
      expect(String(work(peer).index) > 'a1').toBe(true); // above the frame it came out of
    }
    expect(mallory.refusals).toEqual([YjsRefusal.hiddenInFrame]);
    expect([...ana.refusals, ...ben.refusals]).toEqual([]);
    expect(told).toEqual([['mallory', 1, 'hidden']]); // the teacher hears who, as of a wipe
    h.reload();
    expect(h.join('ben').records.get('shape:work')).toMatchObject({ parentId: 'page:page', x: 5_100 });
  });

  it('is moved out when its frame is shrunk off it', () => {
    const { h, ben, mallory } = anaFramedHerWork();
    const frame = mallory.records.get('shape:frame') as Record<string, unknown>;
    mallory.records.set('shape:frame', { ...frame, props: { ...(frame.props as object), w: 10, h: 10 } });
    h.tick(HIDDEN_SETTLE_MS);
    ben.deliver();
    expect(work(ben)).toMatchObject({ parentId: 'page:page', x: 200, y: 150 });
    expect(ben.records.get('shape:frame')).toMatchObject({ props: { w: 10, h: 10 } }); // the resize stands
    mallory.deliver();
    expect(mallory.refusals).toEqual([YjsRefusal.hiddenInFrame]);
  });

  it('is an arrow bound to nothing, judged by its points; one bound to a shape in sight is drawn from it', () => {
    const { h, ana, ben, mallory } = anaFramedHerWork();
    const arrow = (id: string) => ({ ...arrowShape(id), parentId: 'shape:frame', x: 50, y: 50 });
    ana.doc.transact(() => {
      ana.records.set('shape:free', arrow('shape:free'));
      ana.records.set('shape:tied', arrow('shape:tied'));
      ana.records.set('binding:tied', arrowBinding('binding:tied', 'shape:tied', 'shape:work'));
    });
    mallory.deliver();
    mallory.doc.transact(() => {
      for (const id of ['shape:free', 'shape:tied'])
        mallory.records.set(id, { ...(mallory.records.get(id) as object), x: 5_000 });
    });
    h.tick(HIDDEN_SETTLE_MS);
    ben.deliver();
    expect(ben.records.get('shape:free')).toMatchObject({ parentId: 'page:page', x: 5_100 });
    expect(ben.records.get('shape:tied')).toMatchObject({ parentId: 'shape:frame', x: 5_000 });
  });

  /** Ana's arrow in her frame, from her shape to a second box of hers in the frame. */
  function anaJoinedHerWork() {
    const framed = anaFramedHerWork();
    const { ana, ben, mallory } = framed;
    ana.doc.transact(() => {
      ana.records.set('shape:box', geoShape('shape:box', { parentId: 'shape:frame', x: 250, y: 150 }));
      ana.records.set('shape:arrow', {
        ...arrowShape('shape:arrow'),
        parentId: 'shape:frame',
        x: 150,
        y: 120,
      });
      ana.records.set('binding:from', arrowBinding('binding:from', 'shape:arrow', 'shape:work', 'start'));
      ana.records.set('binding:to', arrowBinding('binding:to', 'shape:arrow', 'shape:box', 'end'));
    });
    ben.deliver();
    mallory.deliver();
    return framed;
  }

  it('is an arrow bound between shapes rebound to shapes far off: judged where they are drawn', () => {
    const { h, ben, mallory } = anaJoinedHerWork();
    mallory.doc.transact(() => {
      mallory.records.set('shape:far1', geoShape('shape:far1', { x: 7_000, y: 0 }));
      mallory.records.set('shape:far2', geoShape('shape:far2', { x: 7_500, y: 400 }));
      for (const [key, to] of [
        ['binding:from', 'shape:far1'],
        ['binding:to', 'shape:far2'],
      ] as const)
        mallory.records.set(key, { ...(mallory.records.get(key) as object), toId: to });
    });
    ben.deliver();
    expect(ben.records.get('shape:arrow')).toMatchObject({ parentId: 'shape:frame' }); // a drag looks the same
    h.tick(HIDDEN_SETTLE_MS);
    for (const peer of [ben, mallory]) peer.deliver();
    expect(ben.records.get('shape:arrow')).toMatchObject({ parentId: 'page:page', x: 250, y: 170 });
    expect(mallory.refusals).toEqual([YjsRefusal.hiddenInFrame]);
  });

  it('is an arrow whose bound shapes are carried out of sight: it comes out with them', () => {
    const { h, ben, mallory } = anaJoinedHerWork();
    mallory.doc.transact(() => {
      for (const key of ['shape:work', 'shape:box'])
        mallory.records.set(key, { ...(mallory.records.get(key) as object), x: 5_000 });
    });
    h.tick(HIDDEN_SETTLE_MS);
    ben.deliver();
    for (const key of ['shape:work', 'shape:box', 'shape:arrow'])
      expect(ben.records.get(key), key).toMatchObject({ parentId: 'page:page' });
  });

  it('is an arrow in a frame whose bound shapes on the page are moved away', () => {
    const { h, ana, ben, mallory } = anaFramedHerWork();
    ana.doc.transact(() => {
      ana.records.set('shape:a', geoShape('shape:a', { x: 150, y: 100 })); // on the page, over the frame
      ana.records.set('shape:b', geoShape('shape:b', { x: 300, y: 200 }));
      ana.records.set('shape:arrow', { ...arrowShape('shape:arrow'), parentId: 'shape:frame', x: 50, y: 50 });
      ana.records.set('binding:from', arrowBinding('binding:from', 'shape:arrow', 'shape:a', 'start'));
      ana.records.set('binding:to', arrowBinding('binding:to', 'shape:arrow', 'shape:b', 'end'));
    });
    mallory.deliver();
    mallory.doc.transact(() => {
      for (const key of ['shape:a', 'shape:b'])
        mallory.records.set(key, { ...(mallory.records.get(key) as object), y: -5_000 });
    });
    h.tick(HIDDEN_SETTLE_MS);
    ben.deliver();
    expect(ben.records.get('shape:arrow')).toMatchObject({ parentId: 'page:page', x: 150, y: 100 });
    expect(ben.records.get('shape:a')).toMatchObject({ parentId: 'page:page', y: -5_000 });
  });

  it('is left alone while a drag or resize clips it for a moment and ends with it in sight', () => {
    const { h, ana, ben } = anaFramedHerWork();
    const frame = ana.records.get('shape:frame') as Record<string, unknown>;
    const sized = (w: number, h: number) => ({ ...frame, props: { ...(frame.props as object), w, h } });
    ana.records.set('shape:frame', sized(20, 20)); // the resize handle passes over her shape…
    h.tick(HIDDEN_SETTLE_MS / 2);
    ana.records.set('shape:frame', sized(300, 300)); // …and is let go with it inside
    h.tick(HIDDEN_AT_MOST_MS);
    ben.deliver();
    expect(work(ben)).toMatchObject({ parentId: 'shape:frame', x: 100, y: 100 });
    expect(ana.refusals).toEqual([]);
  });

  it('waits while its writer keeps moving it, but no longer than a bound', () => {
    const { h, ben, mallory } = anaFramedHerWork();
    for (let t = 0; t < HIDDEN_AT_MOST_MS; t += HIDDEN_SETTLE_MS / 2) {
      mallory.records.set('shape:work', { ...work(mallory), x: 5_000 + t });
      ben.deliver();
      expect(work(ben)).toMatchObject({ parentId: 'shape:frame' });
      h.tick(HIDDEN_SETTLE_MS / 2);
    }
    ben.deliver();
    expect(work(ben)).toMatchObject({ parentId: 'page:page' });
  });

  it('stored hidden before the room moved such shapes is moved out when the board loads', () => {
    const { h } = anaFramedHerWork();
    const old = new Y.Doc();
    Y.applyUpdate(old, Y.encodeStateAsUpdate(h.room.doc));
    const hidden = geoShape('shape:hidden', { parentId: 'shape:frame', x: -9_000, y: 0 });
    old.getArray('tldraw').push([{ key: 'shape:hidden', val: hidden }]);
    const update = Y.encodeStateAsUpdate(old, Y.encodeStateVector(h.room.doc));
    h.store.appendUpdates(h.boardId, [{ update, author: 'mallory', at: 0 }]);
    h.reload();
    const ben = h.join('ben');
    expect(ben.records.get('shape:hidden')).toMatchObject({ parentId: 'page:page', x: -8_900, y: 50 });
    expect(work(ben)).toMatchObject({ parentId: 'shape:frame', x: 100 });
  });

  it('leaves no timer behind when the room closes before it settles', () => {
    const { h, ben, mallory } = anaFramedHerWork();
    mallory.records.set('shape:work', { ...work(mallory), x: 5_000 });
    ben.deliver();
    expect(h.timersWaiting()).toBe(1);
    h.rooms.closeAll();
    expect(h.timersWaiting()).toBe(0);
    h.tick(HIDDEN_AT_MOST_MS);
    expect(storedRecords(h.store, h.boardId).get('shape:work')).toMatchObject({
      parentId: 'shape:frame',
      x: 5_000,
    });
  });
});
