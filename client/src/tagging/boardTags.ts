import { MOVE_CHIPS, effectiveMove, type ContributionTag, type TalkMove } from '@conjecture/shared';

/** The student-friendly chip name of a move; '' for `none` and for a move this client does not know. */
export const moveName = (move: string): string =>
  Object.hasOwn(MOVE_CHIPS, move) ? MOVE_CHIPS[move as TalkMove] : '';

/** shapeId → chip name, only for shapes whose tag shows a chip. */
export type ChipSnapshot = ReadonlyMap<string, string>;

/**
 * The chips of one board: the latest tag of each board text or sticky note, reduced to the chip it shows.
 * A tag that changes nothing visible (same chip name) keeps the same snapshot, so the chip layer does not
 * re-render for it; listeners hear only real changes.
 */
export class BoardTagStore {
  private readonly tags = new Map<string, ContributionTag>();
  private snapshot: ChipSnapshot = new Map();
  private readonly listeners = new Set<() => void>();

  constructor(readonly boardId: string) {}

  /** Applies tags from the initial load or the live feed; tags of other boards or without a shape are ignored. */
  apply(...incoming: ContributionTag[]): void {
    let changed = false;
    const next = new Map(this.snapshot);
    for (const tag of incoming) {
      if (tag.boardId !== this.boardId || !tag.shapeId) continue;
      const known = this.tags.get(tag.shapeId);
      // An initial load that lands after a live tag must not bring back the older tag.
      if (known && lastChange(known) > lastChange(tag)) continue;
      this.tags.set(tag.shapeId, tag);
      const name = moveName(effectiveMove(tag));
      if ((next.get(tag.shapeId) ?? '') === name) continue;
      if (name) next.set(tag.shapeId, name);
      else next.delete(tag.shapeId);
      changed = true;
    }
    if (!changed) return;
    this.snapshot = next;
    this.listeners.forEach((listener) => listener());
  }

  getSnapshot = (): ChipSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}

const lastChange = (tag: ContributionTag) => Math.max(tag.taggedAt, tag.corrected?.at ?? 0);
