import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { BoardId, Box, FitOptions } from '@conjecture/shared';
import type { BoardConnection } from '../sync/boardSession.js';
import type { ResolveDisplayName } from '../sync/presenceBridge.js';
import { exposeThumbnailForDebugging } from '../debug.js';
import { BoardProjection, type Framing } from './boardProjection.js';
import './boardFonts.css';

interface ProjectedBoardProps {
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
}

/**
 * A board on the classroom screen, drawn as SVG from its records (`BoardProjection`): what the editor showed
 * — real text in tldraw's fonts, shapes, arrows, strokes, images, our math shapes, graph paper, named
 * cursors — at a fraction of an editor's cost, so four boards stay live on a school laptop.
 */
export function ProjectedBoard({
  boardId,
  connection,
  resolveName,
  label,
  region,
  fit,
  graphPaper,
}: ProjectedBoardProps) {
  const drawing = useRef<HTMLDivElement>(null);
  const paper = useRef<SVGSVGElement>(null);
  const projection = useRef<BoardProjection | null>(null);
  const [drawn, setDrawn] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const framing = useRef<Framing>({ region, fit, graphPaper });
  framing.current = { region, fit, graphPaper };
  // Callers build the connection inline: a new object with the same content is the same connection.
  const connectionKey = JSON.stringify(connection);

  useEffect(() => {
    if (!drawing.current || !paper.current) return;
    const view = new BoardProjection(
      boardId,
      JSON.parse(connectionKey) as BoardConnection,
      { drawing: drawing.current, paper: paper.current },
      framing.current,
      resolveName,
      () => setDrawn(true),
    );
    projection.current = view;
    const unsubscribe = view.session.subscribe(() => {
      const status = view.session.getStatus();
      if (status.phase === 'failed') setFailure(status.failure);
    });
    // Re-frame on every size change (a projector window going full screen), with no reload.
    const observer = new ResizeObserver(() => view.resize());
    observer.observe(drawing.current);
    const unexpose = exposeThumbnailForDebugging(boardId, () => view.shapeIds());
    return () => {
      unexpose();
      observer.disconnect();
      unsubscribe();
      view.destroy();
      projection.current = null;
    };
    // The resolver is read when cursors are drawn; the page remounts this view when names change.
  }, [boardId, connectionKey]);

  useLayoutEffect(() => {
    projection.current?.setFraming({ region, fit, graphPaper });
  }, [region, fit, graphPaper]);

  return (
    <div
      className="board-view projected-board"
      data-board-id={boardId}
      data-spotlight={region ? 'true' : undefined}
      role="group"
      aria-label={label}
    >
      <svg ref={paper} className="projected-board__paper" aria-hidden="true" />
      {/* Drawn by SvgPatcher, outside React: React never renders into it. */}
      <div ref={drawing} className="projected-board__drawing" hidden={failure !== null} />
      {failure !== null ? (
        <div className="board-message">{failure}</div>
      ) : (
        !drawn && <div className="board-message projected-board__opening">Opening…</div>
      )}
    </div>
  );
}
