import type { Editor, TLStore } from 'tldraw';
import { nextBatchSize, smallestBatch, smoothedCost } from './loadPlan.js';
import { measureAhead } from './measureAhead.js';
import { whenUiShown } from './editorUiGate.js';
import type { PendingRecords } from './pendingRecords.js';
import { putValidRecords } from './storeYjsBridge.js';
import { debugEnabled } from '../debug.js';

/**
 * A batch and the work it sets off (tldraw renders, measures text and indexes the new shapes, the browser
 * lays them out) should stay well under the 200 ms that makes a page feel frozen. Part of each batch's cost
 * does not shrink with its size (tldraw walks every shape on the page after each change), so a smaller
 * budget makes more batches and a longer load: 50 ms took 1.5× stock tldraw's time for 1,000 shapes, 100 ms
 * about the same time as stock (bench:browser, on the loaded shared machine).
 */
export const BATCH_BUDGET_MS = 100;
const FIRST_BATCH = 50;
const BATCH_LIMITS = { min: 20, max: 2_000 };

export interface LoadClock {
  now(): number;
  /** Resolves once the browser has rendered a frame (the editor's first, with the shapes in view). */
  afterFrame(): Promise<void>;
  /** Gives the browser the main thread (a frame, input) before the next batch. */
  yield(): Promise<void>;
}

/** The longest a batch waits for the browser to be idle: a page never idle still loads, a batch per 100 ms. */
export const IDLE_WAIT_MS = 100;

/**
 * The next batch runs in the browser's next idle period, after whatever is already waiting: the page's
 * timers, websocket messages (remote edits), input and a frame run between batches. `scheduler.yield` would
 * put each batch ahead of them, and a long load would hold remote edits back until it ended. Idle time, not
 * just a plain task, because the garbage collector finishes its incremental marking there: a chain of plain
 * tasks left it none, so its work landed inside batches (a batch of 100 shapes took 320–416 ms where its
 * neighbours took 80; a 5,000-shape load at 1× had 15–20 tasks of 100 ms or more and 1–2 batches over 200 ms,
 * waiting for idle time 8–9 and none, in the same time). Where there is no `requestIdleCallback`, a plain task.
 */
export function nextIdle(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function')
      requestIdleCallback(() => resolve(), { timeout: IDLE_WAIT_MS });
    else setTimeout(resolve, 0);
  });
}

export const browserClock: LoadClock = {
  now: () => performance.now(),
  afterFrame: () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))),
  yield: () =>
    nextIdle().then(() =>
      // an e2e test holds the load here to edit while part of the board is still waiting, without a race
      debugEnabled() ? window.__conjectureHoldLoad : undefined,
    ),
};

/**
 * Puts the waiting records into the store in batches, yielding between them. Each batch is timed from its
 * start to the start of the next (so the render and layout it caused count) and the next is sized to the
 * budget by a record's cost smoothed over the batches so far (`smoothedCost`: a collection in one batch
 * does not halve the next). Starts only once `mounted` (an editor has mounted on the store), a frame is
 * drawn and the editor's UI is on screen: tldraw loads its fonts before it mounts, batches put before then
 * would all be drawn in the editor's first task, and batches during the UI's render would restart it
 * (editorUiGate.ts). With the editor at hand, each batch's text is measured ahead in one layout
 * (measureAhead.ts). Resolves when none is left, or as soon as `signal` aborts (the board was closed).
 */
export async function putRemaining(
  store: TLStore,
  pending: PendingRecords,
  mounted: Promise<Editor | void>,
  signal: AbortSignal,
  clock: LoadClock = browserClock,
): Promise<void> {
  const total = pending.size;
  const limits = (msPerRecord: number | null) => ({
    ...BATCH_LIMITS,
    min: Math.max(BATCH_LIMITS.min, smallestBatch(total, msPerRecord)),
  });
  let size = Math.max(FIRST_BATCH, limits(null).min);
  let cheapest = Infinity;
  let msPerRecord: number | null = null;
  const editor = await mounted;
  await clock.afterFrame();
  if (editor) await whenUiShown(editor);
  while (pending.size > 0 && !signal.aborted) {
    const started = clock.now();
    const batch = pending.take(size);
    const put = () => store.mergeRemoteChanges(() => putValidRecords(store, batch));
    if (editor) measureAhead(editor, batch, put);
    else put();
    await clock.yield();
    const elapsed = clock.now() - started;
    // The least a record has cost (a bigger batch shares its fixed cost among more): a floor chosen on each
    // batch's own cost would swing between the two floors as the batch size follows it.
    const perRecord = elapsed / Math.max(batch.length, 1);
    cheapest = Math.min(cheapest, perRecord);
    msPerRecord = smoothedCost(msPerRecord, perRecord);
    size = nextBatchSize(size, msPerRecord * size, BATCH_BUDGET_MS, limits(cheapest));
  }
}
