import type { Editor } from 'tldraw';
import type { ClassSocket } from './classroom/useClassSocket.js';
import type { BoardSession } from './sync/boardSession.js';

/**
 * Test and support hook: `window.__conjecture` exposes the open board's editor and sync objects,
 * `window.__conjectureViews` the read-only editor views (projector, a student's draft) by board id,
 * `window.__conjectureThumbnails` the SVG board views (the dashboard's thumbnails, the projector's boards) by board id (the shape ids each draws), and
 * `window.__conjectureClassSocket` the page's class socket (socket.io), in
 * development builds or when the page was opened with `?debug`. It reveals nothing the user cannot already
 * see, but stays off by default so production pages carry no globals.
 */
export const debugEnabled = (): boolean =>
  import.meta.env.MODE !== 'production' || new URLSearchParams(window.location.search).has('debug');

export interface DebugHandle {
  editor: Editor;
  session: BoardSession;
  doc: BoardSession['doc'];
  provider: BoardSession['provider'];
}

export interface ThumbnailDebugHandle {
  /** The ids of the shapes the thumbnail has drawn. */
  shapeIds(): string[];
}

declare global {
  interface Window {
    __conjecture?: DebugHandle;
    __conjectureViews?: Record<string, DebugHandle>;
    __conjectureThumbnails?: Record<string, ThumbnailDebugHandle>;
    __conjectureClassSocket?: ClassSocket;
    /** Test hook (debug pages only): while set, a progressive load waits for it before its next batch. */
    __conjectureHoldLoad?: Promise<void>;
  }
}

export function exposeForDebugging(editor: Editor, session: BoardSession): () => void {
  if (!debugEnabled()) return () => {};
  window.__conjecture = { editor, session, doc: session.doc, provider: session.provider };
  return () => {
    if (window.__conjecture?.editor === editor) delete window.__conjecture;
  };
}

export function exposeViewForDebugging(editor: Editor, session: BoardSession): () => void {
  if (!debugEnabled()) return () => {};
  const views = (window.__conjectureViews ??= {});
  views[session.boardId] = { editor, session, doc: session.doc, provider: session.provider };
  return () => {
    if (views[session.boardId]?.editor === editor) delete views[session.boardId];
  };
}

export function exposeClassSocketForDebugging(socket: ClassSocket): () => void {
  if (!debugEnabled()) return () => {};
  window.__conjectureClassSocket = socket;
  return () => {
    if (window.__conjectureClassSocket === socket) delete window.__conjectureClassSocket;
  };
}

export function exposeThumbnailForDebugging(boardId: string, shapeIds: () => string[]): () => void {
  if (!debugEnabled()) return () => {};
  const thumbnails = (window.__conjectureThumbnails ??= {});
  const handle: ThumbnailDebugHandle = { shapeIds };
  thumbnails[boardId] = handle;
  return () => {
    if (thumbnails[boardId] === handle) delete thumbnails[boardId];
  };
}
