import { useEffect, useRef, useState } from 'react';
import type { BoardId } from '@conjecture/shared';
import { BoardSession, type BoardConnection } from '../sync/boardSession.js';
import type { BoardDoc } from '../sync/boardDoc.js';
import { exposeThumbnailForDebugging } from '../debug.js';
import { bindThumbnail } from './bindThumbnail.js';
import type { BoardThumbnail, ThumbnailRecord } from './boardThumbnail.js';
import { SvgPatcher } from './svgPatcher.js';
import '../projector/boardFonts.css';
import { pinsMarkup, viewBoxSize, type RecordLookup } from './thumbnailPins.js';

interface BoardThumbnailViewProps {
  boardId: BoardId;
  /** A read-only connection (`mode=view`): the thumbnail never writes. */
  connection: BoardConnection;
  label: string;
}

/**
 * A thumbnail redraws at most this often: 32 students editing send a board several changes a second, and
 * the teacher reads the work, not each stroke (edit → thumbnail stays well under half a second).
 */
const REDRAW_INTERVAL_MS = 200;

/** Runs each redraw in an animation frame, no sooner than `REDRAW_INTERVAL_MS` after the last one. */
function throttledFrames(): (run: () => void) => void {
  let last = -Infinity;
  return (run) => {
    const wait = Math.max(0, last + REDRAW_INTERVAL_MS - performance.now());
    window.setTimeout(
      () =>
        requestAnimationFrame(() => {
          last = performance.now();
          run();
        }),
      wait,
    );
  };
}

function lookup(board: BoardDoc): RecordLookup {
  const { records } = board;
  return {
    get: (id) => records.get(id) as ThumbnailRecord | undefined,
    values: function* () {
      for (const entry of records.map.values()) yield entry.val as ThumbnailRecord;
    },
  };
}

/**
 * A group's board as a live SVG drawn from its records: a read-only Yjs connection, the records kept as SVG
 * incrementally (`BoardThumbnail`), no tldraw editor (the dashboard shows eight of these while students
 * work; an editor each cost the teacher's laptop about a CPU). Critique pins show where a thread is.
 */
export function BoardThumbnailView({ boardId, connection, label }: BoardThumbnailViewProps) {
  const [drawn, setDrawn] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const host = useRef<HTMLDivElement>(null);
  // Callers build the connection inline: a new object with the same content is the same connection.
  const connectionKey = JSON.stringify(connection);

  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const session = new BoardSession(boardId, JSON.parse(connectionKey) as BoardConnection);
    const records = lookup(session.board);
    const patcher = new SvgPatcher(element);
    const draw = (thumbnail: BoardThumbnail) => {
      const parts = thumbnail.parts();
      patcher.render(parts, pinsMarkup(records, viewBoxSize(parts.viewBox)));
      setDrawn(true);
    };
    let unbind: (() => void) | null = null;
    const onStatus = () => {
      const status = session.getStatus();
      if (status.phase === 'failed') setFailure(status.failure);
      if (status.phase !== 'ready' || unbind) return;
      const bound = bindThumbnail(session.board.records as never, draw, throttledFrames());
      unbind = bound.unbind;
      draw(bound.thumbnail);
    };
    const unsubscribe = session.subscribe(onStatus);
    onStatus();
    // What the view shows, read from its drawing (not the doc), for tests.
    const unexpose = exposeThumbnailForDebugging(boardId, () =>
      [...element.querySelectorAll('g[data-shape-id]:not([data-testid])')].map(
        (g) => g.getAttribute('data-shape-id') as string,
      ),
    );
    return () => {
      unexpose();
      unsubscribe();
      unbind?.();
      session.destroy();
      element.replaceChildren();
    };
  }, [boardId, connectionKey]);

  return (
    <div className="board-view board-thumbnail" data-board-id={boardId} role="group" aria-label={label}>
      {/* Drawn by SvgPatcher, outside React: React never renders into it. */}
      <div ref={host} className="board-thumbnail__svg" hidden={failure !== null} />
      {failure !== null ? (
        <div className="board-message">{failure}</div>
      ) : (
        !drawn && <div className="board-message board-thumbnail__opening">Opening…</div>
      )}
    </div>
  );
}
