import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { createShapeId, type Editor, type TLGeoShape, type TLStore } from 'tldraw';
import { linkDocs, newPeer, seedLikeServer, type Peer, geoShape } from '../test/boardHarness.js';
import { bindStoreToBoard, loadBoardIntoStore, loadBoardProgressively } from './storeYjsBridge.js';
import { putRemaining, type LoadClock } from './progressiveLoad.js';
import { uiPending, uiShown } from './editorUiGate.js';
import { ONE_GO_SHAPES } from './loadPlan.js';

const documentOf = (store: TLStore) =>
  store
    .allRecords()
    .filter((r) => store.scopedTypes.document.has(r.typeName))
    .sort((a, b) => a.id.localeCompare(b.id));
const docRecords = (peer: Peer) =>
  [...peer.board.records.map.values()].map((e) => e.val).sort((a, b) => a.id.localeCompare(b.id));

/** A clock that runs `during(n)` at each yield (the n-th gap between batches) and never waits. */
function steppingClock(during: (gap: number) => void): LoadClock & { gaps: number } {
  let t = 0;
  const clock = {
    gaps: 0,
    now: () => (t += 5),
    afterFrame: () => Promise.resolve(),
    yield: () => {
      during(clock.gaps++);
      return Promise.resolve();
    },
  };
  return clock;
}

const unbinders: Array<() => void> = [];
afterEach(() => unbinders.splice(0).forEach((unbind) => unbind()));

/** A writer with a board of `count` shapes far beyond the first view, and a reader that opens it. */
function bigBoard(count: number) {
  const server = new Y.Doc();
  seedLikeServer(server);
  const writer = newPeer(new Y.Doc());
  Y.applyUpdate(writer.doc, Y.encodeStateAsUpdate(server), 'server');
  loadBoardIntoStore(writer.store, writer.board);
  unbinders.push(bindStoreToBoard(writer.store, writer.board));
  const shapes = Array.from({ length: count }, (_, i) => geoShape(writer.store, `s${i}`, 2_000 + i * 150));
  writer.store.put(shapes);

  const reader = newPeer(new Y.Doc());
  Y.applyUpdate(reader.doc, Y.encodeStateAsUpdate(writer.doc), 'server');
  linkDocs(writer.doc, reader.doc);
  const pending = loadBoardProgressively(reader.store, reader.board, { x: 0, y: 0, w: 1000, h: 800 });
  unbinders.push(bindStoreToBoard(reader.store, reader.board, pending));
  return { writer, reader, pending, shapes };
}

const never = new AbortController().signal;

describe('progressive load', () => {
  it('puts every record exactly once, in several batches, and ends equal to the doc', async () => {
    const { reader, pending } = bigBoard(600);
    expect(reader.store.has(createShapeId('s0'))).toBe(false);
    const clock = steppingClock(() => {});
    await putRemaining(reader.store, pending, Promise.resolve(), never, clock);
    expect(clock.gaps).toBeGreaterThan(3);
    expect(documentOf(reader.store)).toEqual(docRecords(reader));
    expect(docRecords(reader).filter((r) => r.typeName === 'shape')).toHaveLength(600);
  });

  it('holds remote updates, deletes and new shapes that arrive during the load', async () => {
    const { writer, reader, pending, shapes } = bigBoard(400);
    const last = shapes[399] as TLGeoShape;
    const clock = steppingClock((gap) => {
      if (gap !== 1) return;
      writer.store.put([{ ...last, x: -5 }]); // an update of a record still waiting
      writer.store.remove([createShapeId('s398')]); // a delete of one still waiting
      writer.store.put([geoShape(writer.store, 'late', 10)]); // a new one, in view
      writer.store.put([geoShape(writer.store, 'child', 0, last.id)]); // a child of one still waiting
    });
    await putRemaining(reader.store, pending, Promise.resolve(), never, clock);
    expect(reader.store.get(last.id)).toMatchObject({ x: -5 });
    expect(reader.store.has(createShapeId('s398'))).toBe(false);
    expect(reader.store.has(createShapeId('late'))).toBe(true);
    expect(reader.store.get(createShapeId('child'))).toMatchObject({ parentId: last.id });
    expect(documentOf(reader.store)).toEqual(documentOf(writer.store));
    expect(documentOf(reader.store)).toEqual(docRecords(reader));
  });

  it("syncs the reader's own edits during the load", async () => {
    const { writer, reader, pending } = bigBoard(ONE_GO_SHAPES + 100);
    const clock = steppingClock((gap) => {
      if (gap !== 0) return;
      reader.store.put([geoShape(reader.store, 'mine', 50)]);
      const loaded = reader.store.get(createShapeId('s0')) as TLGeoShape;
      reader.store.put([{ ...loaded, x: 7 }]);
    });
    await putRemaining(reader.store, pending, Promise.resolve(), never, clock);
    expect(writer.store.get(createShapeId('mine'))).toBeDefined();
    expect(writer.store.get(createShapeId('s0'))).toMatchObject({ x: 7 });
    expect(documentOf(reader.store)).toEqual(documentOf(writer.store));
  });

  it("the reader's delete of a frame deletes its children still waiting, in the doc", () => {
    const writer = newPeer(new Y.Doc());
    seedLikeServer(writer.doc);
    loadBoardIntoStore(writer.store, writer.board);
    unbinders.push(bindStoreToBoard(writer.store, writer.board));
    const frame = geoShape(writer.store, 'frame', 0);
    const child = geoShape(writer.store, 'child', 0, frame.id);
    writer.store.put([frame, child]);

    // the batch boundary fell between the frame and its child
    const reader = newPeer(new Y.Doc());
    Y.applyUpdate(reader.doc, Y.encodeStateAsUpdate(writer.doc), 'server');
    linkDocs(writer.doc, reader.doc);
    // (a board this small would load in one go: here it is loaded in parts, one shape at a time)
    const pending = loadBoardProgressively(reader.store, reader.board, { x: 0, y: 0, w: 0, h: 0 }, 0);
    unbinders.push(bindStoreToBoard(reader.store, reader.board, pending));
    expect(pending.take(1).map((r) => r.id)).toEqual([frame.id]);
    reader.store.mergeRemoteChanges(() => reader.store.put([frame]));

    reader.store.remove([frame.id]);
    expect(writer.store.has(frame.id)).toBe(false);
    expect(writer.store.has(child.id)).toBe(false);
    expect(pending.size).toBe(0);
  });

  it('loads a small board in one go, before the editor mounts', () => {
    const { reader, pending } = bigBoard(ONE_GO_SHAPES);
    expect(pending.size).toBe(0);
    expect(documentOf(reader.store)).toEqual(docRecords(reader));
  });

  it('stops when the board is closed', async () => {
    const { reader, pending } = bigBoard(ONE_GO_SHAPES + 300);
    const closed = new AbortController();
    const clock = steppingClock((gap) => gap === 0 && closed.abort());
    await putRemaining(reader.store, pending, Promise.resolve(), closed.signal, clock);
    expect(pending.size).toBeGreaterThan(0);
  });

  it("waits for the editor's UI before its first batch (a batch would restart the UI's render)", async () => {
    const { pending } = bigBoard(ONE_GO_SHAPES + 100);
    const before = pending.size;
    const editor = {} as Editor; // never reached: the board closes while the load waits
    uiPending(editor);
    const closed = new AbortController();
    const load = putRemaining(
      newPeer(new Y.Doc()).store,
      pending,
      Promise.resolve(editor),
      closed.signal,
      steppingClock(() => {}),
    );
    for (let i = 0; i < 10; i++) await Promise.resolve();
    expect(pending.size).toBe(before);
    closed.abort();
    uiShown(editor);
    await load;
    expect(pending.size).toBe(before);
  });
});
