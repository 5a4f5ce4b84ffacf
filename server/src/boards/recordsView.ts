import * as Y from 'yjs';
import { YDOC_RECORDS_KEY } from '@conjecture/shared';

export interface Entry {
  key: string;
  val: unknown;
}

const MAX_KEY_LENGTH = 256;

export const isEntry = (v: unknown): v is Entry =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as Entry).key === 'string' &&
  (v as Entry).key.length <= MAX_KEY_LENGTH &&
  typeof (v as Entry).val === 'object' &&
  (v as Entry).val !== null;

/** One value a transaction added: the item holding it and its offset inside that item. */
export interface AddedValue {
  item: Y.Item;
  offset: number;
  value: unknown;
}

/**
 * A plain view of the records array in y-utility's YKeyValue layout — `{key, val}` entries, the right-most
 * entry of a key wins — kept by the server for itself. It answers what a transaction changed from the
 * transaction's own clock ranges and finds positions with one walk of the array, never one per value.
 * It holds no rules: what may be written is the write policy's business.
 */
export class RecordsView {
  readonly array: Y.Array<unknown>;
  private readonly winners = new Map<string, Entry>();

  constructor(readonly doc: Y.Doc) {
    this.array = doc.getArray(YDOC_RECORDS_KEY);
    this.array.forEach((v) => {
      if (isEntry(v)) this.winners.set(v.key, v); // left to right: the right-most ends up winning
    });
  }

  winner(key: string): Entry | undefined {
    return this.winners.get(key);
  }

  keys(): string[] {
    return [...this.winners.keys()];
  }

  setWinner(key: string, entry: Entry | undefined): void {
    if (entry) this.winners.set(key, entry);
    else this.winners.delete(key);
  }

  /**
   * The values this transaction added to the array, and the pre-existing items it deleted. Same answer as
   * `event.changes`, but found from the transaction's own clock ranges instead of by walking the whole
   * array (which `event.changes` does to build its delta, on every update).
   */
  changesOf(tr: Y.Transaction): { added: AddedValue[]; deleted: Y.Item[] } {
    const added: AddedValue[] = [];
    const deleted: Y.Item[] = [];
    const clients = (this.doc.store as unknown as { clients: Map<number, Array<Y.Item | Y.GC>> }).clients;
    for (const [client, after] of tr.afterState) {
      const before = tr.beforeState.get(client) ?? 0;
      const structs = clients.get(client);
      if (after <= before || !structs) continue;
      for (let i = Y.findIndexSS(structs as never, before); i < structs.length; i++) {
        const struct = structs[i] as Y.Item | Y.GC;
        if (struct.id.clock >= after) break;
        if (!(struct instanceof Y.Item) || struct.parent !== this.array || struct.deleted) continue;
        const values = struct.content.getContent();
        for (let offset = 0; offset < values.length; offset++) {
          added.push({ item: struct, offset, value: values[offset] });
        }
      }
    }
    Y.iterateDeletedStructs(tr, tr.deleteSet, (struct) => {
      // Items both made and deleted in this transaction never were part of the array.
      const madeNow = struct.id.clock >= (tr.beforeState.get(struct.id.client) ?? 0);
      if (struct instanceof Y.Item && struct.parent === this.array && !madeNow) deleted.push(struct);
    });
    return { added, deleted };
  }

  /**
   * Indexes in the array, in one walk: of added values (by item and offset) and of entries (by identity).
   * Values not found (deleted meanwhile) are absent from the answer.
   */
  indexesOf(added: readonly AddedValue[], entries: ReadonlySet<unknown>): Map<AddedValue | unknown, number> {
    const byItem = new Map<Y.Item, AddedValue[]>();
    for (const a of added) {
      const list = byItem.get(a.item);
      if (list) list.push(a);
      else byItem.set(a.item, [a]);
    }
    const found = new Map<AddedValue | unknown, number>();
    let index = 0;
    let item = (this.array as unknown as { _start: Y.Item | null })._start;
    for (; item !== null; item = item.right) {
      if (item.deleted || !item.countable) continue;
      for (const a of byItem.get(item) ?? []) found.set(a, index + a.offset);
      if (entries.size > 0) {
        item.content.getContent().forEach((v, offset) => {
          if (entries.has(v)) found.set(v, index + offset);
        });
      }
      index += item.length;
    }
    return found;
  }

  /** Deletes the values at these indexes in as few ranges as possible, right to left (inside a transaction). */
  deleteIndexes(indexes: Iterable<number>): void {
    const sorted = [...new Set(indexes)].sort((a, b) => b - a);
    let i = 0;
    while (i < sorted.length) {
      let start = sorted[i] as number;
      let length = 1;
      while (i + length < sorted.length && sorted[i + length] === start - 1) {
        start--;
        length++;
      }
      this.array.delete(start, length);
      i += length;
    }
  }

  /** Where an entry sits, by identity (one walk; -1 if absent). */
  indexOfEntry(entry: Entry): number {
    return this.indexesOf([], new Set([entry])).get(entry) ?? -1;
  }

  /**
   * Non-entries and entries that lost to a later one of the same key: what a board written before the
   * server enforced one live entry per key may still hold. Indexes, for `deleteIndexes`.
   */
  strays(): number[] {
    const strays: number[] = [];
    const values = this.array.toArray();
    for (let i = values.length - 1; i >= 0; i--) {
      const v = values[i];
      if (!isEntry(v) || this.winners.get(v.key) !== v) strays.push(i);
    }
    return strays;
  }
}
