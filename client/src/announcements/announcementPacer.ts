/**
 * Paces what a live region says, so a busy class does not drown the teacher's screen reader: at most one
 * announcement per `minGapMs` (what arrives meanwhile waits and goes out together), no more than
 * `maxPerAnnouncement` sentences at once (the rest are counted), and a sentence said within `repeatAfterMs`
 * is not said again. Pure: the caller passes the time and runs the timer.
 */
export interface PacerOptions {
  minGapMs: number;
  repeatAfterMs: number;
  maxPerAnnouncement: number;
}

export const DASHBOARD_PACE: PacerOptions = {
  minGapMs: 2_000,
  repeatAfterMs: 30_000,
  maxPerAnnouncement: 3,
};

export class AnnouncementPacer {
  private pending: string[] = [];
  private lastSaidAt = Number.NEGATIVE_INFINITY;
  private readonly saidAt = new Map<string, number>();

  constructor(private readonly options: PacerOptions) {}

  /** Queues sentences; repeats of a queued or recently said one are dropped. */
  offer(sentences: readonly string[], now: number): void {
    for (const s of sentences) {
      const said = this.saidAt.get(s);
      if (this.pending.includes(s) || (said !== undefined && now - said < this.options.repeatAfterMs))
        continue;
      this.pending.push(s);
    }
  }

  /** When the next announcement may go out (ms since the epoch), or null with nothing waiting. */
  dueAt(): number | null {
    return this.pending.length === 0 ? null : this.lastSaidAt + this.options.minGapMs;
  }

  /** The announcement to make now, or null (nothing waiting, or too soon after the last one). */
  take(now: number): string | null {
    const due = this.dueAt();
    if (due === null || now < due) return null;
    const { maxPerAnnouncement } = this.options;
    const shown = this.pending.slice(0, maxPerAnnouncement);
    const rest = this.pending.length - shown.length;
    this.pending = [];
    this.lastSaidAt = now;
    for (const s of shown) this.saidAt.set(s, now);
    for (const [s, at] of this.saidAt) if (now - at >= this.options.repeatAfterMs) this.saidAt.delete(s);
    const more = rest > 0 ? [`And ${rest} more ${rest === 1 ? 'update' : 'updates'} on the dashboard.`] : [];
    return [...shown, ...more].join(' ');
  }
}
