import type * as Y from 'yjs';
import type { SerializedSchema, TLRecord, TLStore } from 'tldraw';
import { SCHEMA_META_FIELD, storedSchema, type BoardDoc } from './boardDoc.js';
import { ONE_GO_SHAPES, loadsInOneGo, planLoad, type ViewBox } from './loadPlan.js';
import { PendingRecords } from './pendingRecords.js';

/** Origin of the bridge's own Yjs transactions (diagnostics only: remote-ness is `transaction.local`). */
export const LOCAL_STORE_ORIGIN = Symbol('conjecture:store');

type RecordId = TLRecord['id'];
type KeyValueChange =
  | { action: 'add'; newValue: TLRecord }
  | { action: 'update'; oldValue: TLRecord; newValue: TLRecord }
  | { action: 'delete'; oldValue: TLRecord };

export class BoardMigrationError extends Error {
  override name = 'BoardMigrationError';
}

/**
 * Whether records written under `theirs` need migrating to our schema. Asked of tldraw itself rather than by
 * comparing the labels: key order differs between builds, and a label may name sequences we do not know
 * (which tldraw ignores) without any of our records needing a change.
 */
export function needsMigration(store: TLStore, theirs: SerializedSchema | undefined): boolean {
  if (theirs === undefined) return false;
  const migrations = store.schema.getMigrationsSince(theirs);
  return !migrations.ok || migrations.value.length > 0;
}

/** Our versions over the stored label: sequences we do not know keep the version their writer gave them. */
const upgradedLabel = (theirs: SerializedSchema | undefined, ours: SerializedSchema): SerializedSchema =>
  theirs && 'sequences' in theirs && 'sequences' in ours
    ? { ...ours, sequences: { ...theirs.sequences, ...ours.sequences } }
    : ours;

/**
 * Loads the board's stored records into the store, migrated from the schema they were written with to ours.
 * The load runs inside `mergeRemoteChanges`, so the store's user-change listener does not send them back.
 *
 * Never seeds: the server creates every board's document and page records.
 */
export function loadBoardIntoStore(store: TLStore, board: BoardDoc): void {
  putLoaded(store, readBoard(store, board));
}

/**
 * The first part of a progressive load: every record but the shapes outside `view` (and their bindings) is
 * put now (all of a small board, see `ONE_GO_SHAPES`); the rest come back in load order, for
 * `bindStoreToBoard` to keep in step with the doc while a loader puts them in batches (progressiveLoad.ts).
 */
export function loadBoardProgressively(
  store: TLStore,
  board: BoardDoc,
  view: ViewBox,
  oneGoShapes = ONE_GO_SHAPES,
): PendingRecords {
  const records = readBoard(store, board);
  if (loadsInOneGo(records, oneGoShapes)) {
    putLoaded(store, records);
    return new PendingRecords([]);
  }
  const plan = planLoad(records, view);
  putLoaded(store, plan.first);
  return new PendingRecords(plan.rest);
}

/**
 * The board's records at our schema. When migration changed anything, the doc is upgraded in one
 * transaction (records and `meta.schema` together): otherwise our later writes, made at our schema, would
 * sit under an older schema label and be migrated a second time by the next reader.
 */
function readBoard(store: TLStore, board: BoardDoc): TLRecord[] {
  const ours = store.schema.serialize();
  const theirs = storedSchema(board) ?? ours;
  const stored: Record<string, TLRecord> = {};
  for (const [id, entry] of board.records.map) stored[id] = entry.val;

  const result = store.schema.migrateStoreSnapshot({ schema: theirs, store: stored });
  if (result.type === 'error') {
    throw new BoardMigrationError(`cannot migrate this board's records (${result.reason})`);
  }
  const migrated = result.value;

  const hasRecords = Object.keys(stored).length > 0;
  if (hasRecords && (storedSchema(board) === undefined || needsMigration(store, theirs))) {
    board.doc.transact(() => {
      for (const id of Object.keys(stored)) if (!(id in migrated)) board.records.delete(id);
      for (const record of Object.values(migrated)) board.records.set(record.id, record);
      board.meta.set(SCHEMA_META_FIELD, upgradedLabel(storedSchema(board), ours));
    }, LOCAL_STORE_ORIGIN);
  }
  return Object.values(migrated);
}

/** Puts loaded records as the store's document, dropping document records the board no longer has. */
function putLoaded(store: TLStore, records: TLRecord[]): void {
  const ids = new Set<string>(records.map((r) => r.id));
  store.mergeRemoteChanges(() => {
    const stale = store
      .allRecords()
      .filter((r) => store.scopedTypes.document.has(r.typeName) && !ids.has(r.id));
    if (stale.length > 0) store.remove(stale.map((r) => r.id));
    store.put(records);
  });
}

/**
 * Keeps the store and the doc in step once the board is loaded:
 *  - store→Yjs: only the user's document changes (`source: 'user'`, `scope: 'document'`): session state
 *    (camera, selection) and presence never reach the doc, and changes merged from Yjs (`source: 'remote'`)
 *    are not echoed back;
 *  - Yjs→store: only transactions that did not originate in this doc (`transaction.local === false`: the
 *    websocket provider, IndexedDB, the server's own corrections), merged with `mergeRemoteChanges`.
 * Records arriving under another schema (an older client still editing) are migrated one by one.
 * With `pending` (a progressive load under way), changes to records still waiting update the waiting
 * values instead of the store, and a user's delete drops the waiting records that depended on it.
 * Returns the function that unbinds both directions.
 */
export function bindStoreToBoard(store: TLStore, board: BoardDoc, pending?: PendingRecords): () => void {
  const stopListening = store.listen(
    ({ changes }) => {
      const removed = Object.values(changes.removed).map((record) => record.id as string);
      // What the store would have cascaded, had the records still waiting been in it.
      const cascaded = pending && removed.length > 0 ? pending.dropDependents(removed) : [];
      board.doc.transact(() => {
        for (const record of Object.values(changes.added)) board.records.set(record.id, record);
        for (const [, record] of Object.values(changes.updated)) board.records.set(record.id, record);
        for (const id of [...removed, ...cascaded]) board.records.delete(id);
      }, LOCAL_STORE_ORIGIN);
    },
    { source: 'user', scope: 'document' },
  );

  const onYjsChange = (changes: Map<string, KeyValueChange>, transaction: Y.Transaction) => {
    if (transaction.local) return;
    const toPut: TLRecord[] = [];
    const toRemove: RecordId[] = [];
    const theirs = storedSchema(board);
    const migrate = theirs !== undefined && needsMigration(store, theirs);
    const arrive = (record: TLRecord) => {
      if (!pending) toPut.push(record);
      else if (pending.has(record.id))
        pending.replace(record); // goes in with its batch, at this value
      else toPut.push(...pending.takeDependencies(record), record);
    };
    for (const [id, change] of changes) {
      if (change.action === 'delete') {
        pending?.drop(id);
        toRemove.push(id as RecordId);
        continue;
      }
      if (!migrate) {
        arrive(change.newValue);
        continue;
      }
      const migrated = store.schema.migratePersistedRecord(change.newValue, theirs);
      if (migrated.type === 'success') arrive(migrated.value);
      else console.warn(`skipped record ${id}: cannot migrate it (${migrated.reason})`);
    }
    store.mergeRemoteChanges(() => {
      const present = toRemove.filter((id) => store.has(id));
      if (present.length > 0) store.remove(present);
      putValidRecords(store, toPut);
    });
  };
  board.records.on('change', onYjsChange);

  return () => {
    stopListening();
    board.records.off('change', onYjsChange);
  };
}

/** One invalid record (a buggy or hostile peer, before the server reverts it) must not drop the whole batch. */
export function putValidRecords(store: TLStore, records: TLRecord[]): void {
  if (records.length === 0) return;
  try {
    store.put(records);
  } catch {
    for (const record of records) {
      try {
        store.put([record]);
      } catch (error) {
        console.warn(`skipped invalid record ${record.id}`, error);
      }
    }
  }
}
