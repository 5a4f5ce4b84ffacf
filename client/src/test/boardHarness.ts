import * as Y from 'yjs';
import {
  DocumentRecordType,
  PageRecordType,
  TLDOCUMENT_ID,
  createShapeId,
  createTLStore,
  defaultBindingUtils,
  toRichText,
  type IndexKey,
  type TLGeoShape,
  type TLParentId,
  type TLPageId,
  type TLStore,
} from 'tldraw';
import { createBoardSchema, customRecordSchemas } from '@conjecture/shared/board/index';
import { openBoardDoc, SCHEMA_META_FIELD, type BoardDoc } from '../sync/boardDoc.js';
import { boardShapeUtils } from '../shapes/index.js';

export const newStore = (): TLStore =>
  createTLStore({
    shapeUtils: boardShapeUtils,
    bindingUtils: defaultBindingUtils,
    records: customRecordSchemas,
  });

/** What the server does when it creates a board: tldraw's document and page records plus its schema. */
export function seedLikeServer(doc: Y.Doc): void {
  const schema = createBoardSchema().serialize();
  const records = [
    DocumentRecordType.create({ id: TLDOCUMENT_ID }),
    PageRecordType.create({ id: 'page:page' as TLPageId, name: 'Page 1', index: 'a1' as IndexKey }),
  ];
  const board = openBoardDoc(doc);
  doc.transact(() => {
    for (const record of records) board.records.set(record.id, record);
    board.meta.set(SCHEMA_META_FIELD, schema);
  }, 'server');
}

const RELAYED = Symbol('relayed');

/**
 * Two docs joined the way the server joins two clients: every update made in one is applied to the other
 * with a foreign origin (so it is a remote transaction there). `pause()` holds updates back, as a cut
 * connection would, and `resume()` exchanges the missing state like a y-websocket resync.
 */
export function linkDocs(a: Y.Doc, b: Y.Doc) {
  let paused = false;
  const forward = (to: Y.Doc) => (update: Uint8Array, origin: unknown) => {
    if (!paused && origin !== RELAYED) Y.applyUpdate(to, update, RELAYED);
  };
  const toB = forward(b);
  const toA = forward(a);
  a.on('update', toB);
  b.on('update', toA);
  return {
    pause: () => {
      paused = true;
    },
    resume: () => {
      paused = false;
      Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)), RELAYED);
      Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)), RELAYED);
    },
  };
}

export interface Peer {
  doc: Y.Doc;
  board: BoardDoc;
  store: TLStore;
}

export function newPeer(doc = new Y.Doc()): Peer {
  return { doc, board: openBoardDoc(doc), store: newStore() };
}

/** What the editor does on mount (instance, camera, pointer, page state): session records. Internal API. */
export function prepareSessionState(store: TLStore): void {
  (store as unknown as { ensureStoreIsUsable(): void }).ensureStoreIsUsable();
}

/** A plain rectangle at (x, 0), as tldraw would create it: the boards' tests' stock shape. */
export function geoShape(
  store: TLStore,
  id: string,
  x: number,
  parentId: TLParentId = 'page:page' as TLParentId,
): TLGeoShape {
  return store.schema.types.shape.create({
    id: createShapeId(id),
    type: 'geo',
    parentId,
    x,
    y: 0,
    index: 'a1',
    props: {
      w: 100,
      h: 80,
      geo: 'rectangle',
      dash: 'draw',
      growY: 0,
      url: '',
      scale: 1,
      flipX: false,
      flipY: false,
      color: 'black',
      labelColor: 'black',
      fill: 'none',
      size: 'm',
      font: 'draw',
      align: 'middle',
      verticalAlign: 'middle',
      richText: toRichText(''),
    },
  }) as TLGeoShape;
}
