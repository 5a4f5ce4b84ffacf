import { Suspense, lazy } from 'react';
import type { BoardId, Box } from '@conjecture/shared';
import type { BoardConnection } from '../sync/boardSession.js';
import type { ResolveDisplayName } from '../sync/presenceBridge.js';
import { SvgBoardView } from '../thumbnails/SvgBoardView.js';
import { Written } from '../ui/Written.js';
import type { ProjectorDesign } from './projectorDesign.js';
import { BOARD_FIT, SPOTLIGHT_FIT } from './projectorFit.js';
import { MoreBeyondCues, useMoreBeyond } from './MoreBeyondCues.js';
import { WHOLE_ROW } from './boardArrangement.js';

// The earlier design, a tldraw editor per board (`?views=editor`), for the benchmark only: its own chunk.
const LazyEditorProjectedBoard = lazy(() =>
  import('./EditorProjectedBoard.js').then((m) => ({ default: m.EditorProjectedBoard })),
);

/**
 * One board on the classroom screen: its group's caption over the board, read-only, and "More below" or
 * "More to the right" when the board goes on beyond its cell (`useMoreBeyond`: the cell's own state, so it
 * goes with the cell). Keyed by the page on the board and its names' anonymity: switching to pseudonyms
 * rebuilds the cell, so no name resolved earlier lingers.
 */
export function ProjectedBoardCell({
  boardId,
  caption,
  design,
  connection,
  resolveName,
  spotlightRegion: region,
  graphPaper,
  licenseKey,
  onContentBounds,
  wholeRow = false,
}: {
  boardId: BoardId;
  caption: string;
  design: ProjectorDesign;
  connection: BoardConnection;
  resolveName: ResolveDisplayName;
  /** The region the teacher spotlighted on this board, shown full screen; null shows all its work. */
  spotlightRegion: Box | null;
  graphPaper: boolean;
  licenseKey: string | null;
  onContentBounds: (bounds: Box | null) => void;
  /** The board takes a whole row of the grid (`spansRow`: the third of three, or the first). */
  wholeRow?: boolean;
}) {
  const [more, setMore] = useMoreBeyond();
  const label = region ? 'Spotlight' : 'Projected board';
  const fit = region ? SPOTLIGHT_FIT : BOARD_FIT;
  return (
    <div className="projector-cell" style={wholeRow ? WHOLE_ROW : undefined}>
      <div className="projector-caption" data-testid="projector-caption">
        <Written>{caption}</Written>
      </div>
      {design === 'svg' ? (
        <SvgBoardView
          boardId={boardId}
          connection={connection}
          resolveName={resolveName}
          label={label}
          region={region}
          fit={fit}
          graphPaper={graphPaper}
          onContentBounds={onContentBounds}
          onMoreBeyond={setMore}
        />
      ) : (
        <Suspense fallback={<div className="board-message">Loading…</div>}>
          <LazyEditorProjectedBoard
            boardId={boardId}
            connection={connection}
            resolveName={resolveName}
            licenseKey={licenseKey}
            label={label}
            region={region}
            fit={fit}
            graphPaper={graphPaper}
            onMoreBeyond={setMore}
          />
        </Suspense>
      )}
      <MoreBeyondCues more={more} />
    </div>
  );
}
