import type * as Y from 'yjs';
import { YKeyValue } from 'y-utility/y-keyvalue';
import type { TLRecord } from 'tldraw';
import type { SerializedSchema } from 'tldraw';
import { YDOC_META, YDOC_META_KEY, YDOC_RECORDS_KEY } from '@conjecture/shared';

/**
 * The board's Y.Doc layout, shared with the server: tldraw's document-scope records in a YKeyValue keyed by
 * record id (a plain Y.Map keeps every overwritten value as a tombstone and grows with each edit; the
 * YKeyValue deletes the old entry, so the doc stays proportional to the live records), and the schema the
 * records were written with under `meta.schema`.
 */
export interface BoardDoc {
  doc: Y.Doc;
  records: YKeyValue<TLRecord>;
  meta: Y.Map<unknown>;
}

export const SCHEMA_META_FIELD = YDOC_META.schema;

export function openBoardDoc(doc: Y.Doc): BoardDoc {
  return {
    doc,
    records: new YKeyValue<TLRecord>(doc.getArray<{ key: string; val: TLRecord }>(YDOC_RECORDS_KEY)),
    meta: doc.getMap<unknown>(YDOC_META_KEY),
  };
}

export function storedSchema(board: BoardDoc): SerializedSchema | undefined {
  return board.meta.get(SCHEMA_META_FIELD) as SerializedSchema | undefined;
}

/** Whether the doc already holds a board (the server seeds every board with its document and page records). */
export function hasBoardContent(board: BoardDoc): boolean {
  return board.records.map.size > 0;
}
