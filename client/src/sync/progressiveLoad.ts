import type { TLStore } from 'tldraw';
import { nextBatchSize } from './loadPlan.js';
import type { PendingRecords } from './pendingRecords.js';
import { putValidRecords } from './storeYjsBridge.js';

/**
 * A batch and the frame it sets off (tldraw renders, measures text and indexes the new shapes in the same
 * task, and the browser lays them out) should stay well under the 200 ms that makes a page feel frozen,
 * with room for the user's own input between batches.
 */
export const BATCH_BUDGET_MS = 50;
const FIRST_BATCH = 50;
const BATCH_LIMITS = { min: 10, max: 2_000 };

export interface LoadClock {
  now(): number;
  /** Resolves once the browser has rendered a frame (the editor's first, with the shapes in view). */
  afterFrame(): Promise<void>;
  /** Gives the browser the main thread (a frame, input) before the next batch. */
  yield(): Promise<void>;
}

/** `scheduler.yield` where the browser has it (the continuation keeps its place ahead of other tasks). */
export const browserClock: LoadClock = {
  now: () => performance.now(),
  afterFrame: () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))),
  yield: () => {
    const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
    if (scheduler?.yield) return scheduler.yield();
    return new Promise((resolve) => setTimeout(resolve, 0));
  },
};

/**
 * Puts the waiting records into the store in batches, yielding between them. Each batch is timed from its
 * start to the start of the next (so the render and layout it caused count) and the next is sized to the
 * budget. Starts only once `mounted` (an editor has mounted on the store) and a frame is drawn: tldraw loads
 * its fonts before it mounts, and batches put before then would all be drawn in the editor's first task.
 * Resolves when none is left, or as soon as `signal` aborts (the board was closed).
 */
export async function putRemaining(
  store: TLStore,
  pending: PendingRecords,
  mounted: Promise<void>,
  signal: AbortSignal,
  clock: LoadClock = browserClock,
): Promise<void> {
  let size = FIRST_BATCH;
  await mounted;
  await clock.afterFrame();
  while (pending.size > 0 && !signal.aborted) {
    const started = clock.now();
    const batch = pending.take(size);
    store.mergeRemoteChanges(() => putValidRecords(store, batch));
    await clock.yield();
    size = nextBatchSize(size, clock.now() - started, BATCH_BUDGET_MS, BATCH_LIMITS);
  }
}
