import type { BoardId, FitOptions } from '@conjecture/shared';
import type { BoardConnection } from '../sync/boardSession.js';
import type { ResolveDisplayName } from '../sync/presenceBridge.js';
import { useGraphPaperShown } from '../graphPaper/graphPaperSetting.js';
import { SvgBoardView } from './SvgBoardView.js';

interface BoardThumbnailViewProps {
  boardId: BoardId;
  /** A read-only connection (`mode=view`): the thumbnail never writes. */
  connection: BoardConnection;
  label: string;
  /** Names on cursors, as this dashboard shows them (pseudonyms when it anonymizes). */
  resolveName: ResolveDisplayName;
  fit: FitOptions;
}

/**
 * A thumbnail redraws at most this often: 32 students editing send a board several changes a second, and
 * the teacher reads the work, not each stroke (edit → thumbnail stays well under half a second).
 */
const REDRAW_INTERVAL_MS = 200;

/**
 * A group's board on the dashboard as a live SVG drawn from its records (`SvgBoardView`, as the projector
 * draws it), no tldraw editor: the dashboard shows eight of these while students work, and an editor each
 * cost the teacher's laptop about a CPU. Graph paper when the class has it on, cursors, critique pins.
 */
export function BoardThumbnailView({
  boardId,
  connection,
  label,
  resolveName,
  fit,
}: BoardThumbnailViewProps) {
  const graphPaper = useGraphPaperShown();
  return (
    <SvgBoardView
      boardId={boardId}
      connection={connection}
      resolveName={resolveName}
      label={label}
      region={null}
      fit={fit}
      graphPaper={graphPaper}
      className="board-thumbnail"
      redrawMs={REDRAW_INTERVAL_MS}
    />
  );
}
