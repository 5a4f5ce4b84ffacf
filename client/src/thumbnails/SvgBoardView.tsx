import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { BoardId, Box, FitOptions } from '@conjecture/shared';
import type { BoardConnection } from '../sync/boardSession.js';
import type { ResolveDisplayName } from '../sync/presenceBridge.js';
import { exposeThumbnailForDebugging } from '../debug.js';
import { SvgBoardDrawing, type Framing } from './svgBoardDrawing.js';
import type { MoreBeyond } from './viewFrame.js';
import './boardFonts.css';

/** By default a view follows the work closely (the projector: a class reads it live). */
const DEFAULT_REDRAW_MS = 100;

interface SvgBoardViewProps {
  boardId: BoardId;
  /** A read-only connection (the projector's token, `mode=view`): nothing here reaches the board. */
  connection: BoardConnection;
  resolveName: ResolveDisplayName;
  label: string;
  /** Frame only this region of the board (the spotlight); without it, all the work. */
  region: Box | null;
  fit: FitOptions;
  /** The class shows graph paper on its boards. */
  graphPaper: boolean;
  /** The view's own class (`board-thumbnail` on the dashboard), for its styles and test hooks. */
  className?: string;
  /** Redraw at most this often (the projector follows closely; eight dashboard thumbnails less so). */
  redrawMs?: number;
  /** Told the work's bounds as they change (the projector's arrangement). */
  onContentBounds?: (bounds: Box | null) => void;
  /** Told where the work goes on beyond the view (the projector's "More below", "More to the right"). */
  onMoreBeyond?: (more: MoreBeyond) => void;
}

/**
 * A live, read-only board drawn as SVG from its records (`SvgBoardDrawing`) — the projector's boards and the
 * dashboard's thumbnails: what the editor showed (real text in tldraw's fonts, shapes, arrows, strokes,
 * images, our math shapes, graph paper, named cursors) at a fraction of an editor's cost, so four boards on
 * the classroom screen, or eight on the teacher's laptop, stay live.
 */
export function SvgBoardView({
  boardId,
  connection,
  resolveName,
  label,
  region,
  fit,
  graphPaper,
  className,
  redrawMs = DEFAULT_REDRAW_MS,
  onContentBounds,
  onMoreBeyond,
}: SvgBoardViewProps) {
  const frame = useRef<HTMLDivElement>(null);
  const drawing = useRef<HTMLDivElement>(null);
  const paper = useRef<HTMLDivElement>(null);
  const board = useRef<SvgBoardDrawing | null>(null);
  const [drawn, setDrawn] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const framing = useRef<Framing>({ region, fit, graphPaper });
  framing.current = { region, fit, graphPaper };
  const reportBounds = useRef(onContentBounds);
  reportBounds.current = onContentBounds;
  const reportMoreBeyond = useRef(onMoreBeyond);
  reportMoreBeyond.current = onMoreBeyond;
  // Callers build the connection inline: a new object with the same content is the same connection.
  const connectionKey = JSON.stringify(connection);

  useEffect(() => {
    if (!frame.current || !drawing.current || !paper.current) return;
    const view = new SvgBoardDrawing(
      boardId,
      JSON.parse(connectionKey) as BoardConnection,
      { frame: frame.current, drawing: drawing.current, paper: paper.current },
      framing.current,
      resolveName,
      () => setDrawn(true),
      redrawMs,
      (bounds) => reportBounds.current?.(bounds),
      (more) => reportMoreBeyond.current?.(more),
    );
    board.current = view;
    const unsubscribe = view.session.subscribe(() => {
      const status = view.session.getStatus();
      if (status.phase === 'failed') setFailure(status.failure);
    });
    // Re-frame on every size change (a projector window going full screen), with no reload.
    const observer = new ResizeObserver(() => view.resize());
    observer.observe(frame.current);
    const unexpose = exposeThumbnailForDebugging(boardId, () => view.shapeIds());
    return () => {
      unexpose();
      observer.disconnect();
      unsubscribe();
      view.destroy();
      board.current = null;
    };
    // The resolver is read when cursors are drawn; the page remounts this view when names change.
  }, [boardId, connectionKey, redrawMs]);

  useLayoutEffect(() => {
    board.current?.setFraming({ region, fit, graphPaper });
  }, [region, fit, graphPaper]);

  return (
    <div
      ref={frame}
      className={`board-view projected-board${className ? ` ${className}` : ''}`}
      data-board-id={boardId}
      data-spotlight={region ? 'true' : undefined}
      role="group"
      aria-label={label}
    >
      <div ref={paper} className="projected-board__paper" aria-hidden="true" />
      {/* Drawn by SvgPatcher, outside React: React never renders into it. */}
      <div
        ref={drawing}
        className={`projected-board__drawing${className ? ` ${className}__svg` : ''}`}
        hidden={failure !== null}
      />
      {failure !== null ? (
        <div className="board-message">{failure}</div>
      ) : (
        !drawn && <div className="board-message projected-board__opening">Opening…</div>
      )}
    </div>
  );
}
