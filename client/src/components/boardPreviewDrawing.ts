import type { TLRecord } from 'tldraw';
import { BoardThumbnail, svgDocument, type ThumbnailRecord } from '../thumbnails/boardThumbnail.js';
import type { BoardSession } from '../sync/boardSession.js';
import { recordsInView } from '../sync/loadPlan.js';

/**
 * At most this many shapes are drawn: a picture of the first view, not of a big board (the shared renderer
 * costs about 0.1 ms a shape, and the editor's load waits for the main thread).
 */
export const PREVIEW_MAX_SHAPES = 400;

/** Marked (`performance.mark`) when the preview is drawn: the benchmark's "board shown". */
export const PREVIEW_MARK = 'conjecture:board-preview';

/** Each preview's shadow root: a closed root is not reachable from its host once attached. */
const shadowRoots = new WeakMap<HTMLElement, ShadowRoot>();

/** Draws the session's board, as tldraw will open it, into `element`'s closed shadow root. */
export function drawPreview(element: HTMLElement, session: BoardSession): void {
  const { innerWidth: w, innerHeight: h } = window;
  const records = [...session.board.records.map.values()].map((entry) => entry.val as TLRecord);
  const inView = recordsInView(records, { x: 0, y: 0, w, h }, PREVIEW_MAX_SHAPES);
  const parts = new BoardThumbnail(inView as unknown as ThumbnailRecord[]).parts();
  let root = shadowRoots.get(element);
  if (!root) {
    root = element.attachShadow({ mode: 'closed' });
    shadowRoots.set(element, root);
  }
  root.innerHTML =
    '<style>svg { display: block; width: 100%; height: 100%; }</style>' +
    svgDocument(`0 0 ${w} ${h}`, parts.roots.map((r) => r.markup).join(''));
  const shapes = inView.reduce((n, r) => n + Number(r.typeName === 'shape'), 0);
  performance.mark(PREVIEW_MARK, { detail: { shapes } });
}
