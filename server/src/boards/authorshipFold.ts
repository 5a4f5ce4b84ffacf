import { workOf, writeLife, type KeyLives, type RecordLife, type RecordWork } from './recordLives.js';

/** A record entry (one `{key, val}` of the records array) not deleted yet. */
export interface LiveEntry {
  key: string;
  life: RecordLife;
  work: RecordWork;
  /** The value written (what a refused edit of it is compared with, see actsFold.ts). */
  val: unknown;
}

/** Who wrote each record, as far as the log is folded (boardLog.ts walks it; this keeps the answer). */
export interface AuthorshipFold {
  /** Per key, the life of its value now (or of its last value, once deleted). */
  records: Map<string, RecordLife>;
  lives: Map<string, KeyLives>;
  /** The record entries not deleted yet, by Yjs id (client, clock): what a later delete set takes away. */
  live: Map<number, Map<number, LiveEntry>>;
  /** Per key its live entries in the order written: one, but for a moment after concurrent writes. */
  entriesOf: Map<string, LiveEntry[]>;
}

export const emptyAuthorship = (): AuthorshipFold => ({
  records: new Map(),
  lives: new Map(),
  live: new Map(),
  entriesOf: new Map(),
});

/** Where a record's entry was written (its Yjs id), by whom and when. */
export interface EntryWrite {
  key: string;
  val: unknown;
  client: number;
  clock: number;
  author: string;
  at: number;
}

/**
 * Every write of a record appends a fresh `{key, val}` entry (and deletes the one before it, in the same
 * update). The entries not deleted yet are kept by id, so that of two values of a key written at once the
 * one left standing decides whose the record is (see `deleteEntries`). Returns the entry, the key's lives
 * after the write (`startedNow`: the write started a life) and the entry that stood before it, if any.
 */
export function writeEntry(
  f: AuthorshipFold,
  w: EntryWrite,
): { entry: LiveEntry; lives: KeyLives; before: LiveEntry | undefined } {
  const entries = f.entriesOf.get(w.key) ?? [];
  const before = entries[entries.length - 1];
  const work = workOf(w.val);
  const lives = writeLife(f.lives.get(w.key), { author: w.author, at: w.at, work });
  f.lives.set(w.key, lives);
  f.records.set(w.key, lives.current);
  const entry = { key: w.key, life: lives.current, work, val: w.val };
  entries.push(entry);
  f.entriesOf.set(w.key, entries);
  let live = f.live.get(w.client);
  if (!live) f.live.set(w.client, (live = new Map()));
  live.set(w.clock, entry);
  return { entry, lives, before };
}

/** Takes away the live entries an update's delete set deletes; returns them. */
export function deleteEntries(
  f: AuthorshipFold,
  deleteSet: ReadonlyMap<number, ReadonlyArray<{ clock: number; len: number }>>,
): LiveEntry[] {
  const deleted: LiveEntry[] = [];
  for (const [client, ranges] of deleteSet) {
    const live = f.live.get(client);
    if (!live) continue;
    for (const clock of deletedClocks(ranges, live)) {
      const entry = live.get(clock)!;
      live.delete(clock);
      deleteEntry(f, entry);
      deleted.push(entry);
    }
  }
  return deleted;
}

function deleteEntry(f: AuthorshipFold, entry: LiveEntry): void {
  const entries = (f.entriesOf.get(entry.key) ?? []).filter((e) => e !== entry);
  const last = entries[entries.length - 1];
  if (!last) {
    f.entriesOf.delete(entry.key); // deleted: its lives keep the work it had, for a re-creation
    return;
  }
  // Of two values written at once (concurrently, or by a hostile update), the one left is the record's.
  f.entriesOf.set(entry.key, entries);
  const lives = f.lives.get(entry.key);
  if (lives) {
    lives.current = last.life;
    lives.work = last.work;
    f.records.set(entry.key, last.life);
  }
}

/** Whether an entry of `key` not deleted yet holds `life`. */
export const lifeStanding = (f: AuthorshipFold, key: string, life: RecordLife): boolean =>
  (f.entriesOf.get(key) ?? []).some((e) => e.life === life);

/** The value of `key` standing now (undefined once deleted): of its live entries, the last written. */
export const standingValue = (f: AuthorshipFold, key: string): unknown => f.entriesOf.get(key)?.at(-1)?.val;

/**
 * The clocks of `live` that `ranges` delete. A client's delete set may repeat everything it ever deleted (a
 * resync sends its whole delete set): walked clock by clock only when that is shorter than the live entries.
 */
function deletedClocks(
  ranges: ReadonlyArray<{ clock: number; len: number }>,
  live: Map<number, unknown>,
): number[] {
  const found: number[] = [];
  const total = ranges.reduce((sum, r) => sum + r.len, 0);
  if (total <= live.size) {
    for (const { clock, len } of ranges)
      for (let c = clock; c < clock + len; c++) if (live.has(c)) found.push(c);
    return found;
  }
  const sorted = [...ranges].sort((a, b) => a.clock - b.clock);
  for (const clock of live.keys()) {
    let [lo, hi] = [0, sorted.length - 1];
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const r = sorted[mid]!;
      if (clock < r.clock) hi = mid - 1;
      else if (clock >= r.clock + r.len) lo = mid + 1;
      else {
        found.push(clock);
        break;
      }
    }
  }
  return found;
}
