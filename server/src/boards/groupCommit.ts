import type { BoardStore, NewUpdate } from '../storage/boardStore.js';
import type { Scheduler } from '../util/scheduler.js';

interface Queued {
  boardId: string;
  updates: NewUpdate[];
  done: (result: number[] | Error) => void;
}

/**
 * Stores the updates of every board that arrived in one turn of the event loop in a single transaction,
 * then lets each board relay them. Under load many messages land in one turn, and one commit (one WAL
 * append) costs far less than one per update. Rooms call `flushNow` before anything that reveals their
 * document's state to a client (a sync reply, a state vector), so nothing is ever served unstored.
 */
export class GroupCommit {
  private queue: Queued[] = [];
  private scheduled = false;

  /**
   * With `grouped: false` every append commits at once (one transaction per batch of one board).
   * `durable`, for a store whose commit finishes elsewhere (PostgreSQL), resolves once everything the
   * store holds is committed there; callbacks wait for it (in order), so relays still follow storage.
   */
  constructor(
    private readonly store: BoardStore,
    private readonly scheduler: Scheduler,
    private readonly grouped = true,
    private readonly durable?: () => Promise<void>,
  ) {}

  /**
   * Runs `fn` once everything stored so far is durable: at once for a local store. For what reveals state
   * outside the relay (a sync reply), after `flushNow`.
   */
  whenDurable(fn: () => void, failed: (err: Error) => void): void {
    if (!this.durable) return fn();
    this.durable().then(fn, failed);
  }

  enqueue(boardId: string, updates: NewUpdate[], done: (result: number[] | Error) => void): void {
    this.queue.push({ boardId, updates, done });
    if (!this.grouped) return this.flushNow();
    if (this.scheduled) return;
    this.scheduled = true;
    this.scheduler.immediate(() => this.flushNow());
  }

  /** Commits everything queued now (synchronously); safe to call at any time. */
  flushNow(): void {
    this.scheduled = false;
    if (this.queue.length === 0) return;
    const queue = this.queue;
    this.queue = [];
    const results: Array<number[] | Error> = [];
    try {
      this.store.transaction(() => {
        for (const item of queue) {
          try {
            results.push(this.store.appendUpdates(item.boardId, item.updates));
          } catch (err) {
            results.push(err as Error); // one board's failure (e.g. deleted meanwhile) spares the others
          }
        }
      });
    } catch (err) {
      // The commit itself failed: nothing of this turn is stored.
      for (const item of queue) item.done(err as Error);
      return;
    }
    const settle = () => queue.forEach((item, i) => item.done(results[i] as number[] | Error));
    this.whenDurable(settle, (err) => queue.forEach((item) => item.done(err)));
  }
}
