import * as Y from 'yjs';
import { YDOC_META_KEY, YDOC_RECORDS_KEY } from '@conjecture/shared';
import type { TLRecord } from '@tldraw/tlschema';
import { SERVER_ONLY_RECORD_TYPES } from '@conjecture/shared/board/index';
import { PROTECTED_RECORD_IDS, recordError } from './boardSchema.js';

/** The origin of every change the server itself makes to a board (seeding, reverts, locks). */
export const SERVER_ORIGIN = Symbol('server');
export const SERVER_AUTHOR = 'server';

interface Entry {
  key: string;
  val: unknown;
}

const MAX_KEY_LENGTH = 256;
/** The meta key listing server-locked record ids (written by the server only, like everything in meta). */
export const LOCKED_META_KEY = 'locked';
const isEntry = (v: unknown): v is Entry =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as Entry).key === 'string' &&
  (v as Entry).key.length <= MAX_KEY_LENGTH &&
  typeof (v as Entry).val === 'object' &&
  (v as Entry).val !== null;

/**
 * tldraw writes a `user:` record for attribution. Boards carry opaque ids only — each viewer resolves
 * names (or pseudonyms) itself — so a user record must have no name, and a client may write only its own.
 */
function userRecordError(key: string, value: unknown, author: string): string | null {
  if ((value as { typeName?: unknown }).typeName !== 'user') return null;
  if (key !== `user:${author}`) return `${key}: a client may write only its own user record`;
  const { name, imageUrl } = value as { name?: unknown; imageUrl?: unknown };
  if (name !== '' || (imageUrl !== '' && imageUrl !== undefined))
    return `${key}: names and pictures do not ride in the board`;
  return null;
}

/**
 * A binding is part of the shape it starts from (an arrow's end): binding a locked arrow to something would
 * change a locked shape, so a client may not. Binding *to* a locked shape is fine (a student's arrow
 * pointing at the template's task card).
 */
function lockedBindingSource(value: unknown, locked: ReadonlySet<string>): string | null {
  const { typeName, fromId } = (value ?? {}) as { typeName?: unknown; fromId?: unknown };
  return typeName === 'binding' && typeof fromId === 'string' && locked.has(fromId) ? fromId : null;
}

export interface RejectedChange {
  key: string;
  reason: string;
}

/**
 * The server's own view of a board's records: the same layout as y-utility's YKeyValue (an array of
 * `{key, val}` entries where the right-most entry of a key wins), but written defensively, because the
 * server reads what untrusted clients wrote. Every change a client makes is validated against tldraw's
 * schema; an invalid one is undone by a compensating server-authored change (Yjs cannot un-apply an update,
 * and the writer's later updates may build on it), so other clients never keep a record they cannot load.
 */
export class BoardRecords {
  readonly array: Y.Array<unknown>;
  readonly meta: Y.Map<unknown>;
  private readonly winners = new Map<string, Entry>();
  private readonly changeListeners = new Set<(keys: string[], origin: unknown) => void>();

  /** Called with the keys whose value a transaction changed (after validation; reverts come as their own call). */
  onChange(listener: (keys: string[], origin: unknown) => void): void {
    this.changeListeners.add(listener);
  }

  constructor(
    readonly doc: Y.Doc,
    private readonly onRejected: (rejected: RejectedChange[], origin: unknown) => void = () => {},
    /** The authenticated identity behind a transaction's origin (for rules that depend on who writes). */
    private readonly authorOf: (origin: unknown) => string = () => SERVER_AUTHOR,
  ) {
    this.array = doc.getArray(YDOC_RECORDS_KEY);
    this.meta = doc.getMap(YDOC_META_KEY);
    this.array.forEach((v) => {
      if (isEntry(v)) this.winners.set(v.key, v);
    });
    this.array.observe((event, tr) => this.onArrayChange(event, tr));
    this.meta.observe((event, tr) => this.onMetaChange(event, tr));
  }

  /** Records the server placed and locked: no client may change or delete them. */
  lockedKeys(): Set<string> {
    const locked = this.meta.get(LOCKED_META_KEY);
    return new Set(Array.isArray(locked) ? locked.filter((k): k is string => typeof k === 'string') : []);
  }

  /** Server-side (inside a SERVER_ORIGIN transaction): locks records against every client's changes. */
  lock(keys: Iterable<string>): void {
    const locked = this.lockedKeys();
    for (const key of keys) locked.add(key);
    this.meta.set(LOCKED_META_KEY, [...locked].sort());
  }

  /** Server-side: releases records from the lock (e.g. a template item the teacher took away). */
  unlock(keys: Iterable<string>): void {
    const locked = this.lockedKeys();
    for (const key of keys) locked.delete(key);
    this.meta.set(LOCKED_META_KEY, [...locked].sort());
  }

  get(key: string): unknown {
    return this.winners.get(key)?.val;
  }

  keys(): string[] {
    return [...this.winners.keys()];
  }

  /** Server-side writes (call inside a transaction with SERVER_ORIGIN). */
  set(key: string, val: unknown): void {
    this.deleteEntry(key);
    this.array.push([{ key, val }]);
  }

  delete(key: string): void {
    this.deleteEntry(key);
  }

  private deleteEntry(key: string): void {
    let i = 0;
    for (const v of this.array) {
      if (isEntry(v) && v.key === key) {
        this.array.delete(i, 1);
        return;
      }
      i++;
    }
  }

  /**
   * The items this transaction inserted into and deleted from the records array. Same answer as
   * `event.changes`, but found from the transaction's own clock ranges instead of by walking the whole
   * array (which `event.changes` does to build its delta, on every update).
   */
  private itemsChangedBy(tr: Y.Transaction): { added: Y.Item[]; deleted: Y.Item[] } {
    const added: Y.Item[] = [];
    const deleted: Y.Item[] = [];
    const clients = (this.doc.store as unknown as { clients: Map<number, Array<Y.Item | Y.GC>> }).clients;
    for (const [client, after] of tr.afterState) {
      const before = tr.beforeState.get(client) ?? 0;
      const structs = clients.get(client);
      if (after <= before || !structs) continue;
      for (let i = Y.findIndexSS(structs as never, before); i < structs.length; i++) {
        const struct = structs[i] as Y.Item | Y.GC;
        if (struct.id.clock >= after) break;
        if (struct instanceof Y.Item && struct.parent === this.array && !struct.deleted) added.push(struct);
      }
    }
    Y.iterateDeletedStructs(tr, tr.deleteSet, (struct) => {
      // Items both made and deleted in this transaction never were part of the array.
      const madeNow = struct.id.clock >= (tr.beforeState.get(struct.id.client) ?? 0);
      if (struct instanceof Y.Item && struct.parent === this.array && !madeNow) deleted.push(struct);
    });
    return { added, deleted };
  }

  private onArrayChange(_event: Y.YArrayEvent<unknown>, tr: Y.Transaction): void {
    const before = new Map<string, Entry | undefined>();
    const malformed = new Set<unknown>();
    const changed = this.itemsChangedBy(tr);
    for (const item of changed.deleted) {
      for (const c of item.content.getContent()) {
        if (isEntry(c) && this.winners.get(c.key) === c && !before.has(c.key)) before.set(c.key, c);
      }
    }
    for (const item of changed.added) {
      for (const c of item.content.getContent()) {
        if (!isEntry(c)) malformed.add(c);
        else if (!before.has(c.key)) before.set(c.key, this.winners.get(c.key));
      }
    }
    if (before.size === 0 && malformed.size === 0) return;

    // One right-to-left pass finds the new winner of every affected key and the positions of bad entries.
    const winnersNow = new Map<string, Entry>();
    const positions = new Map<unknown, number>();
    const values = this.array.toArray();
    for (let i = values.length - 1; i >= 0; i--) {
      const v = values[i];
      if (malformed.has(v)) positions.set(v, i);
      else if (isEntry(v) && before.has(v.key) && !winnersNow.has(v.key)) {
        winnersNow.set(v.key, v);
        positions.set(v, i);
      }
    }
    for (const key of before.keys()) {
      const w = winnersNow.get(key);
      if (w) this.winners.set(key, w);
      else this.winners.delete(key);
    }
    const changedKeys = [...before.keys()].filter((k) => winnersNow.get(k) !== before.get(k));
    if (changedKeys.length > 0) for (const listener of this.changeListeners) listener(changedKeys, tr.origin);
    if (tr.origin === SERVER_ORIGIN) return;

    const rejected: RejectedChange[] = [];
    const locked = this.lockedKeys();
    const deleteAt: number[] = [];
    const restore: Entry[] = [];
    for (const bad of malformed) {
      const at = positions.get(bad);
      if (at !== undefined) deleteAt.push(at);
      rejected.push({ key: '?', reason: 'an entry that is not a {key, val} record' });
    }
    for (const [key, old] of before) {
      const now = winnersNow.get(key);
      if (now === old) continue;
      const reason = this.rejectionReason(key, old, now, locked, tr.origin);
      if (reason === null) continue;
      rejected.push({ key, reason });
      if (now) deleteAt.push(positions.get(now) as number);
      if (old) restore.push({ key, val: old.val });
    }
    if (rejected.length === 0) return;
    this.doc.transact(() => {
      for (const i of deleteAt.sort((a, b) => b - a)) this.array.delete(i, 1);
      if (restore.length > 0) this.array.push(restore.map((e) => ({ key: e.key, val: e.val })));
    }, SERVER_ORIGIN);
    this.onRejected(rejected, tr.origin);
  }

  /** Why a client's change to one key is refused, or null if it stands. */
  private rejectionReason(
    key: string,
    old: Entry | undefined,
    now: Entry | undefined,
    locked: ReadonlySet<string>,
    origin: unknown,
  ): string | null {
    if (locked.has(key)) return `${key} is locked by the server`;
    const lockedSource = lockedBindingSource(now?.val, locked);
    if (lockedSource) return `${key}: ${lockedSource} is locked by the server`;
    const serverOnly = [now?.val, old?.val].some((v) =>
      SERVER_ONLY_RECORD_TYPES.has(String((v as { typeName?: unknown } | undefined)?.typeName)),
    );
    if (serverOnly) return `${key}: only the server writes this kind of record`;
    if (now)
      return (
        recordError(key, now.val, old?.val as TLRecord | undefined) ??
        userRecordError(key, now.val, this.authorOf(origin))
      );
    return PROTECTED_RECORD_IDS.has(key) ? `${key} may not be deleted` : null;
  }

  /** The meta map holds the writer's serialized schema and the server's lock list; clients may write only the schema. */
  private onMetaChange(event: Y.YMapEvent<unknown>, tr: Y.Transaction): void {
    if (tr.origin === SERVER_ORIGIN) return;
    const undo: Array<[string, unknown]> = [];
    event.changes.keys.forEach((change, key) => {
      const value = this.meta.get(key);
      const okSchema =
        key === 'schema' && change.action !== 'delete' && typeof value === 'object' && value !== null;
      if (!okSchema) undo.push([key, change.oldValue]);
    });
    if (undo.length === 0) return;
    this.doc.transact(() => {
      for (const [key, old] of undo) {
        if (old === undefined) this.meta.delete(key);
        else this.meta.set(key, old);
      }
    }, SERVER_ORIGIN);
    this.onRejected(
      undo.map(([key]) => ({ key: `meta.${key}`, reason: 'meta holds only the schema' })),
      tr.origin,
    );
  }
}
