import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { createShapeId, toRichText, type TLGeoShape, type TLRecord, type TLStore } from 'tldraw';
import {
  linkDocs,
  newPeer,
  seedLikeServer,
  type Peer,
  prepareSessionState,
  geoShape,
} from '../test/boardHarness.js';
import { createBoardSchema, QUESTION_CARD_TYPE } from '@conjecture/shared/board/index';
import { bindStoreToBoard, loadBoardIntoStore, needsMigration } from './storeYjsBridge.js';
import { SCHEMA_META_FIELD, storedSchema } from './boardDoc.js';

const shapesOf = (store: TLStore) =>
  store
    .allRecords()
    .filter((r) => r.typeName === 'shape')
    .sort((a, b) => a.id.localeCompare(b.id));

const unbinders: Array<() => void> = [];
afterEach(() => unbinders.splice(0).forEach((unbind) => unbind()));

/** Two clients of one freshly created board, each with its doc, store and bridge, joined through Yjs. */
function twoClients() {
  const server = new Y.Doc();
  seedLikeServer(server);
  const clone = () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(server), 'server');
    return newPeer(doc);
  };
  const a = clone();
  const b = clone();
  const link = linkDocs(a.doc, b.doc);
  for (const peer of [a, b]) {
    loadBoardIntoStore(peer.store, peer.board);
    unbinders.push(bindStoreToBoard(peer.store, peer.board));
  }
  return { a, b, link };
}

/** Counts the transactions a doc originates itself (what it would send to the server). */
function countLocalUpdates(peer: Peer) {
  const counter = { n: 0 };
  peer.doc.on('afterTransaction', (tr: Y.Transaction) => {
    if (tr.local && tr.deleteSet.clients.size + tr.afterState.size > 0 && changed(tr)) counter.n++;
  });
  return counter;
}
const changed = (tr: Y.Transaction) =>
  tr.deleteSet.clients.size > 0 ||
  [...tr.afterState].some(([client, clock]) => (tr.beforeState.get(client) ?? 0) !== clock);

describe('store ↔ Yjs bridge', () => {
  it('loads the board the server seeded without writing anything back', () => {
    const { a } = twoClients();
    expect(a.store.has('document:document' as TLRecord['id'])).toBe(true);
    expect(a.store.has('page:page' as TLRecord['id'])).toBe(true);

    const fresh = newPeer(new Y.Doc());
    Y.applyUpdate(fresh.doc, Y.encodeStateAsUpdate(a.doc), 'server');
    const sent = countLocalUpdates(fresh);
    loadBoardIntoStore(fresh.store, fresh.board);
    expect(sent.n).toBe(0);
  });

  it('never seeds an empty doc', () => {
    const empty = newPeer();
    loadBoardIntoStore(empty.store, empty.board);
    unbinders.push(bindStoreToBoard(empty.store, empty.board));
    expect(empty.board.records.yarray.length).toBe(0);
    expect(empty.board.meta.size).toBe(0);
  });

  it("carries one store's created, updated and deleted shapes to the other", () => {
    const { a, b } = twoClients();
    a.store.put([geoShape(a.store, 'one', 10), geoShape(a.store, 'two', 20)]);
    expect(shapesOf(b.store)).toEqual(shapesOf(a.store));
    expect(shapesOf(b.store)).toHaveLength(2);

    const moved = { ...geoShape(a.store, 'one', 10), x: 500 };
    a.store.put([moved]);
    expect(b.store.get(moved.id)).toMatchObject({ x: 500 });

    b.store.remove([createShapeId('two')]);
    expect(a.store.has(createShapeId('two'))).toBe(false);
    expect(shapesOf(a.store)).toEqual(shapesOf(b.store));
  });

  it('does not echo remote changes back into Yjs', () => {
    const { a, b } = twoClients();
    const sentByB = countLocalUpdates(b);
    a.store.put([geoShape(a.store, 'one', 10)]);
    a.store.put([{ ...geoShape(a.store, 'one', 10), x: 42 }]);
    a.store.remove([createShapeId('one')]);
    expect(sentByB.n).toBe(0);
  });

  it('keeps session and presence state out of the doc', () => {
    const { a } = twoClients();
    const before = a.board.records.yarray.length;
    prepareSessionState(a.store); // creates instance, camera, page state: session scope
    expect(a.store.allRecords().some((r) => r.typeName === 'instance')).toBe(true);
    expect(a.board.records.yarray.length).toBe(before);
    expect(
      [...a.board.records.map.values()].every((e) => a.store.scopedTypes.document.has(e.val.typeName)),
    ).toBe(true);
  });

  it('does not grow the key-value array when a record is overwritten many times', () => {
    const { a, b } = twoClients();
    for (let i = 0; i < 20; i++) a.store.put([geoShape(a.store, `s${i}`, i)]);
    const entries = a.board.records.yarray.length;
    const bytesAfterCreate = Y.encodeStateAsUpdate(a.doc).byteLength;
    for (let round = 0; round < 50; round++) {
      for (let i = 0; i < 20; i++) a.store.put([{ ...geoShape(a.store, `s${i}`, i), x: round }]);
    }
    expect(a.board.records.yarray.length).toBe(entries);
    expect(b.board.records.yarray.length).toBe(entries);
    // 1,000 overwrites leave only delete-set ranges behind, not the overwritten values
    expect(Y.encodeStateAsUpdate(a.doc).byteLength).toBeLessThan(bytesAfterCreate * 2);
    expect(b.store.get(createShapeId('s7'))).toMatchObject({ x: 49 });
  });

  it('converges after a cut connection, with edits on both sides', () => {
    const { a, b, link } = twoClients();
    a.store.put([geoShape(a.store, 'shared', 0)]);
    link.pause();
    a.store.put([geoShape(a.store, 'offline-a', 1)]);
    b.store.put([geoShape(b.store, 'online-b', 2)]);
    b.store.remove([createShapeId('shared')]);
    expect(b.store.has(createShapeId('offline-a'))).toBe(false);
    link.resume();
    expect(shapesOf(a.store).map((s) => s.id)).toEqual([
      createShapeId('offline-a'),
      createShapeId('online-b'),
    ]);
    expect(shapesOf(b.store)).toEqual(shapesOf(a.store));
  });
});

describe('migration of stored records', () => {
  it('builds the same schema the server validates with, our shapes included', () => {
    const server = createBoardSchema().serialize();
    const client = newPeer().store.schema.serialize();
    expect('sequences' in client && client.sequences).toEqual('sequences' in server && server.sequences);
    expect(needsMigration(newPeer().store, server)).toBe(false);
  });

  it('loads a question card the server placed, and rewrites nothing for a label naming unknown sequences', () => {
    const server = new Y.Doc();
    seedLikeServer(server);
    const peer = newPeer(server);
    const schema = createBoardSchema().serialize();
    const card = {
      ...geoShape(peer.store, 'card', 0),
      type: QUESTION_CARD_TYPE,
      props: { w: 320, h: 200, questionId: 'q1', text: 'Why is 0.999… = 1?' },
    } as unknown as TLRecord;
    server.transact(() => {
      peer.board.records.set(card.id, card);
      peer.board.meta.set(SCHEMA_META_FIELD, {
        ...schema,
        sequences: { ...('sequences' in schema ? schema.sequences : {}), 'com.example.later': 3 },
      });
    }, 'server');
    const sent = countLocalUpdates(peer);
    loadBoardIntoStore(peer.store, peer.board);
    expect(peer.store.get(card.id)).toMatchObject({ type: QUESTION_CARD_TYPE, props: { questionId: 'q1' } });
    expect(sent.n).toBe(0);
  });

  /** A board written by a build whose geo shapes were at version 9 (plain `text`, no rich text, no flips). */
  function boardFromOlderBuild(current: Peer) {
    const schema = current.store.schema.serialize();
    const older = { ...schema, sequences: { ...schema.sequences, 'com.tldraw.shape.geo': 9 } };
    const { richText: _r, flipX: _x, flipY: _y, ...oldProps } = geoShape(current.store, 'old', 0).props;
    const oldShape = { ...geoShape(current.store, 'old', 0), props: { ...oldProps, text: 'x = 2' } };
    return { older, oldShape: oldShape as unknown as TLRecord };
  }

  it('migrates records on load and upgrades the doc in one go', () => {
    const server = new Y.Doc();
    seedLikeServer(server);
    const peer = newPeer(server);
    const { older, oldShape } = boardFromOlderBuild(peer);
    server.transact(() => {
      peer.board.records.set(oldShape.id, oldShape);
      peer.board.meta.set(SCHEMA_META_FIELD, older);
    }, 'server');

    loadBoardIntoStore(peer.store, peer.board);

    const loaded = peer.store.get(oldShape.id) as TLGeoShape;
    expect(loaded.props.richText).toEqual(toRichText('x = 2'));
    expect(loaded.props.flipX).toBe(false);
    expect(needsMigration(peer.store, storedSchema(peer.board))).toBe(false);
    expect(storedSchema(peer.board)).toMatchObject(peer.store.schema.serialize());
    expect(peer.board.records.get(oldShape.id)).toEqual(loaded);
  });

  it('migrates a record that an older client writes after the load', () => {
    const { a, b } = twoClients();
    const { older, oldShape } = boardFromOlderBuild(a);
    // an older client relabels the schema and writes its own record in one transaction
    a.doc.transact(() => {
      a.board.meta.set(SCHEMA_META_FIELD, older);
      a.board.records.set(oldShape.id, oldShape);
    }, 'older-client');
    const inB = b.store.get(oldShape.id) as TLGeoShape | undefined;
    expect(inB?.props.richText).toEqual(toRichText('x = 2'));
  });

  it('refuses a board written by a newer build instead of corrupting it', () => {
    const peer = newPeer();
    seedLikeServer(peer.doc);
    const schema = peer.store.schema.serialize();
    peer.board.meta.set(SCHEMA_META_FIELD, {
      ...schema,
      sequences: { ...schema.sequences, 'com.tldraw.shape.geo': 999 },
    });
    expect(() => loadBoardIntoStore(peer.store, peer.board)).toThrow(/cannot migrate/);
  });
});
