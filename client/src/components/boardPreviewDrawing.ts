import type { TLRecord } from 'tldraw';
import { BoardThumbnail, svgDocument, type ThumbnailRecord } from '../thumbnails/boardThumbnail.js';
import type { BoardSession } from '../sync/boardSession.js';
import { recordsInView, type ViewBox } from '../sync/loadPlan.js';
import { OPENING_CAMERA, type Camera } from './openingCamera.js';

/**
 * At most this many shapes are drawn: a picture of the first view, not of a big board (the shared renderer
 * costs about 0.1 ms a shape, and the editor's load waits for the main thread).
 */
export const PREVIEW_MAX_SHAPES = 400;

/** Marked (`performance.mark`) when the preview is drawn: the benchmark's "board shown". */
export const PREVIEW_MARK = 'conjecture:board-preview';

/** Each preview's shadow root: a closed root is not reachable from its host once attached. */
const shadowRoots = new WeakMap<HTMLElement, ShadowRoot>();

/** The part of the page a window of `size` shows through `camera`. */
export const viewOfCamera = (camera: Camera, size: { w: number; h: number }): ViewBox => ({
  x: 0 - camera.x, // not -0 at the opening camera
  y: 0 - camera.y,
  w: size.w / camera.z,
  h: size.h / camera.z,
});

/**
 * Draws the session's board into `element`'s closed shadow root, as tldraw will open it, or through the
 * camera its editor last had (a board closed under the student: where she had scrolled).
 */
export function drawPreview(element: HTMLElement, session: BoardSession, camera = OPENING_CAMERA): void {
  const view = viewOfCamera(camera, { w: window.innerWidth, h: window.innerHeight });
  const records = [...session.board.records.map.values()].map((entry) => entry.val as TLRecord);
  const inView = recordsInView(records, view, PREVIEW_MAX_SHAPES);
  const parts = new BoardThumbnail(inView as unknown as ThumbnailRecord[]).parts();
  let root = shadowRoots.get(element);
  if (!root) {
    root = element.attachShadow({ mode: 'closed' });
    shadowRoots.set(element, root);
  }
  root.innerHTML =
    '<style>svg { display: block; width: 100%; height: 100%; }</style>' +
    svgDocument(`${view.x} ${view.y} ${view.w} ${view.h}`, parts.roots.map((r) => r.markup).join(''));
  const shapes = inView.reduce((n, r) => n + Number(r.typeName === 'shape'), 0);
  performance.mark(PREVIEW_MARK, { detail: { shapes } });
}
