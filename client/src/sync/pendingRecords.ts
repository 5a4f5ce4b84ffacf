import type { TLRecord } from 'tldraw';
import { dependenciesOf } from './loadPlan.js';

/**
 * The board's records not yet put into the store during a progressive load, in load order. The doc is the
 * truth while they wait: a remote update replaces the waiting value (it goes in once, with the latest
 * value), a remote delete drops it (it never comes back), and a record that arrives and needs a waiting one
 * (a child of a waiting frame, a binding to a waiting shape) takes it along first.
 */
export class PendingRecords {
  private readonly order: string[];
  private readonly waiting = new Map<string, TLRecord>();
  private next = 0;

  constructor(records: TLRecord[]) {
    this.order = records.map((r) => r.id);
    for (const record of records) this.waiting.set(record.id, record);
  }

  get size(): number {
    return this.waiting.size;
  }

  has(id: string): boolean {
    return this.waiting.has(id);
  }

  /** A newer value for a waiting record (from the doc): it will go in with this value. */
  replace(record: TLRecord): void {
    if (this.waiting.has(record.id)) this.waiting.set(record.id, record);
  }

  /** The record was deleted: it must not be put. */
  drop(id: string): void {
    this.waiting.delete(id);
  }

  /** Up to `count` records in load order (more when one needs a waiting record that comes later). */
  take(count: number): TLRecord[] {
    const batch: TLRecord[] = [];
    while (batch.length < count && this.next < this.order.length) {
      const id = this.order[this.next++] as string;
      const record = this.waiting.get(id);
      if (record) batch.push(...this.takeDependencies(record), this.takeOne(id));
    }
    return batch;
  }

  /** The waiting records `record` depends on, transitively, each before whatever needs it. */
  takeDependencies(record: TLRecord): TLRecord[] {
    const out: TLRecord[] = [];
    for (const id of dependenciesOf(record)) {
      const dependency = this.waiting.get(id);
      if (dependency) out.push(...this.takeDependencies(dependency), this.takeOne(id));
    }
    return out;
  }

  /**
   * Drops the waiting records that depend on the removed ids, transitively (children of a deleted frame,
   * bindings to a deleted shape), and returns their ids: what the store would have cascaded had they been in.
   */
  dropDependents(removed: Iterable<string>): string[] {
    const gone = new Set(removed);
    const dropped: string[] = [];
    let found = true;
    while (found) {
      found = false;
      for (const [id, record] of this.waiting) {
        if (!dependenciesOf(record).some((d) => gone.has(d))) continue;
        this.waiting.delete(id);
        gone.add(id);
        dropped.push(id);
        found = true;
      }
    }
    return dropped;
  }

  private takeOne(id: string): TLRecord {
    const record = this.waiting.get(id) as TLRecord;
    this.waiting.delete(id);
    return record;
  }
}
