import type { Cancel, Scheduler } from '../util/scheduler.js';
import type { BoardRecords } from './boardRecords.js';

/**
 * How long a shape may stay wholly outside the frames that hold it after the last change to it or its frame:
 * tldraw moves a shape out of a frame when the drag, nudge or resize that clipped it ends. A hand holding a
 * resize still for longer sees the shape moved out then (and the notice), as it would have been on letting go.
 */
export const HIDDEN_SETTLE_MS = 5_000;
/** However often it is touched, a shape is looked at this long after a change first named it (a script). */
export const HIDDEN_AT_MOST_MS = 30_000;

interface Suspect {
  /** When a change first named it. */
  since: number;
  /** The last change that named it, and whose connection made it. */
  last: number;
  origin: unknown;
  /** The order of that change among all the changes noted (times may be equal). */
  order: number;
}

/**
 * A board's shapes that clients' changes may have left hidden by their frames (see frameClip.ts), put back in
 * sight once they settle: moved out onto the page where they stand, by the server, as tldraw's editor would
 * have. A change only names suspects (a shape in a frame it moved, a frame it resized); each is looked at once
 * it falls due — a shape back in sight by then (the drag went on, the frame grew back) is let be.
 */
export class HiddenInFrames {
  private readonly suspects = new Map<string, Suspect>();
  private cancelCheck: Cancel | null = null;
  private noted = 0;

  constructor(
    private readonly records: BoardRecords,
    private readonly scheduler: Scheduler,
    private readonly now: () => number,
    /** The shapes moved out, by the connection whose change had hidden them. */
    private readonly onPlaced: (keysByOrigin: Map<unknown, string[]>) => void,
  ) {
    records.onFrameSuspects((keys, origin) => this.note(keys, origin));
  }

  close(): void {
    this.cancelCheck?.();
    this.cancelCheck = null;
    this.suspects.clear();
  }

  private note(keys: readonly string[], origin: unknown): void {
    const now = this.now();
    const order = ++this.noted;
    for (const key of keys)
      this.suspects.set(key, { since: this.suspects.get(key)?.since ?? now, last: now, origin, order });
    this.schedule();
  }

  private schedule(): void {
    if (this.cancelCheck || this.suspects.size === 0) return;
    let due = Infinity;
    for (const suspect of this.suspects.values()) due = Math.min(due, dueAt(suspect));
    this.cancelCheck = this.scheduler.timeout(Math.max(0, due - this.now()), () => {
      this.cancelCheck = null;
      this.check();
    });
  }

  private check(): void {
    const now = this.now();
    const due = new Map<string, Suspect>();
    for (const [key, suspect] of this.suspects) {
      if (now < dueAt(suspect)) continue;
      due.set(key, suspect);
      this.suspects.delete(key);
    }
    // The latest change first: a shape hidden is put down to the last change that named it (or its frame).
    const latestFirst = [...due.keys()].sort((a, b) => due.get(b)!.order - due.get(a)!.order);
    const hidden = this.records.hiddenInFrames(latestFirst);
    if (hidden.size > 0) {
      const byOrigin = new Map<unknown, string[]>();
      for (const key of this.records.placeInSight(hidden.keys())) {
        const origin = due.get(hidden.get(key)!)!.origin;
        byOrigin.set(origin, [...(byOrigin.get(origin) ?? []), key]);
      }
      if (byOrigin.size > 0) this.onPlaced(byOrigin);
    }
    this.schedule();
  }
}

const dueAt = (s: Suspect) => Math.min(s.last + HIDDEN_SETTLE_MS, s.since + HIDDEN_AT_MOST_MS);
