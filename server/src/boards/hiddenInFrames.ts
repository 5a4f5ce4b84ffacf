import type { Cancel, Scheduler } from '../util/scheduler.js';
import type { BoardRecords } from './boardRecords.js';

/**
 * How long a shape may stay wholly outside the frames that hold it after the last change that left it so:
 * tldraw moves a shape out of a frame when the drag, nudge or resize that clipped it ends. A hand holding a
 * resize still for longer sees the shape moved out then (and the notice), as it would have been on letting go.
 */
export const HIDDEN_SETTLE_MS = 5_000;
/** However busy the board, a shape hidden this long is put back in sight (a script touching it forever). */
export const HIDDEN_AT_MOST_MS = 30_000;

interface Hidden {
  /** When a change first left it hidden. */
  since: number;
  /** The last change that left it hidden, and whose connection made it. */
  last: number;
  origin: unknown;
}

/**
 * A board's shapes that clients' changes left hidden by their frames (see frameClip.ts), put back in sight
 * once they settle: moved out onto the page where they stand, by the server, as tldraw's editor would have.
 * A shape that comes back into sight meanwhile (the drag went on, the frame grew back) is forgotten.
 */
export class HiddenInFrames {
  private readonly hidden = new Map<string, Hidden>();
  private cancelCheck: Cancel | null = null;

  constructor(
    private readonly records: BoardRecords,
    private readonly scheduler: Scheduler,
    private readonly now: () => number,
    /** The shapes moved out, by the connection whose change had hidden them. */
    private readonly onPlaced: (keysByOrigin: Map<unknown, string[]>) => void,
  ) {
    records.onHiddenInFrames((keys, origin) => this.note(keys, origin));
  }

  /** Shapes waiting to be put back in sight. */
  get size(): number {
    return this.hidden.size;
  }

  close(): void {
    this.cancelCheck?.();
    this.cancelCheck = null;
    this.hidden.clear();
  }

  private note(keys: readonly string[], origin: unknown): void {
    const now = this.now();
    for (const key of keys)
      this.hidden.set(key, { since: this.hidden.get(key)?.since ?? now, last: now, origin });
    this.schedule();
  }

  private schedule(): void {
    if (this.cancelCheck || this.hidden.size === 0) return;
    let due = Infinity;
    for (const h of this.hidden.values()) due = Math.min(due, dueAt(h));
    this.cancelCheck = this.scheduler.timeout(Math.max(0, due - this.now()), () => {
      this.cancelCheck = null;
      this.check();
    });
  }

  private check(): void {
    const now = this.now();
    const due = new Map<string, unknown>();
    for (const [key, h] of this.hidden) {
      if (this.records.hidingFrameOf(key) === null) this.hidden.delete(key);
      else if (now >= dueAt(h)) {
        due.set(key, h.origin);
        this.hidden.delete(key);
      }
    }
    if (due.size > 0) {
      const byOrigin = new Map<unknown, string[]>();
      for (const key of this.records.placeInSight(due.keys())) {
        const origin = due.get(key);
        byOrigin.set(origin, [...(byOrigin.get(origin) ?? []), key]);
      }
      if (byOrigin.size > 0) this.onPlaced(byOrigin);
    }
    this.schedule();
  }
}

const dueAt = (h: Hidden) => Math.min(h.last + HIDDEN_SETTLE_MS, h.since + HIDDEN_AT_MOST_MS);
