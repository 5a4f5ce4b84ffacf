import 'tldraw/tldraw.css';
import { useCallback, useEffect, useRef } from 'react';
import type { Editor } from 'tldraw';
import type { BoardId, Box, FitOptions } from '@conjecture/shared';
import { fitEditorTo, workBounds } from './fitView.js';
import { moreBeyond, NOTHING_BEYOND, type MoreBeyond } from '../thumbnails/viewFrame.js';
import { useBoardSession } from '../sync/useBoardSession.js';
import { useTldrawUser } from './useTldrawUser.js';
import type { BoardConnection } from '../sync/boardSession.js';
import type { ResolveDisplayName } from '../sync/presenceBridge.js';
import { exposeViewForDebugging } from '../debug.js';
import { ViewOnlyTldraw } from './ViewOnlyTldraw.js';
import { CritiquePinsLayer } from '../critique/CritiquePinsLayer.js';
import { GraphPaperBackground } from '../graphPaper/GraphPaperBackground.js';

// Critique pins show where a thread is (read in the teacher's drill-in); stable for tldraw's slots.
// Graph paper when the page's class has it on (useShowGraphPaper).
const viewComponents = { OnTheCanvas: CritiquePinsLayer, Background: GraphPaperBackground };

interface BoardViewProps {
  boardId: BoardId;
  /** A read-only connection (`mode=view`, or a projector token): nothing typed here reaches the board. */
  connection: BoardConnection;
  resolveName: ResolveDisplayName;
  licenseKey: string | null;
  label: string;
  /** Frame only this region of the board (the projector's spotlight); without it, all the work. */
  region?: Box | null;
  /** How close the fit may zoom, and what overlays to keep the work out from under. */
  fit?: FitOptions;
  /** Told where the work goes on beyond the view after each fit (the projector's "More below", "More to the right"). */
  onMoreBeyond?: (more: MoreBeyond) => void;
}

/** Re-fit at most this often while the board changes: a thumbnail follows the work without jitter. */
const REFIT_MS = 150;

/**
 * A live, read-only board without tldraw's UI, zoomed to fit its content: the dashboard's thumbnails and the
 * projector. Remote cursors show, with the names this viewer's resolver gives (pseudonyms on an anonymized
 * projector).
 */
const DEFAULT_FIT: FitOptions = { paddingPx: 12, maxZoom: 2 };

export function BoardView({
  boardId,
  connection,
  resolveName,
  licenseKey,
  label,
  region = null,
  fit: fitOptions = DEFAULT_FIT,
  onMoreBeyond,
}: BoardViewProps) {
  const { phase, failure, store, session } = useBoardSession(boardId, connection, resolveName);
  const { userId } = connection;
  const user = useTldrawUser(userId, resolveName);

  // The latest framing, read by the fit the store listener and the resize observer call.
  const framing = useRef({ region, fitOptions });
  framing.current = { region, fitOptions };
  const reportMoreBeyond = useRef(onMoreBeyond);
  reportMoreBeyond.current = onMoreBeyond;
  const fitRef = useRef<(() => void) | null>(null);
  const container = useRef<HTMLDivElement>(null);

  const onMount = useCallback(
    (editor: Editor) => {
      editor.updateInstanceState({ isReadonly: true });
      const fit = () => {
        const { region: shown, fitOptions: options } = framing.current;
        fitEditorTo(editor, shown, options);
        if (!reportMoreBeyond.current) return;
        // Measured from the camera the fit set, as the SVG view measures its viewBox: a long or wide board
        // held readable is cut below or at the right, and the class is told the rest is there.
        const target = shown ?? workBounds(editor);
        const view = editor.getViewportPageBounds();
        reportMoreBeyond.current(
          target ? moreBeyond(target, { x: view.x, y: view.y, w: view.w, h: view.h }) : NOTHING_BEYOND,
        );
      };
      fitRef.current = fit;
      fit();
      let timer: ReturnType<typeof setTimeout> | null = null;
      const stop = editor.store.listen(
        () => {
          timer ??= setTimeout(() => {
            timer = null;
            fit();
          }, REFIT_MS);
        },
        { scope: 'document' },
      );
      const unexpose = session ? exposeViewForDebugging(editor, session) : () => {};
      // Re-fit on every size change of the view (a projector window going full screen), with no reload.
      const observer = new ResizeObserver(() => fit());
      if (container.current) observer.observe(container.current);
      return () => {
        stop();
        observer.disconnect();
        fitRef.current = null;
        if (timer) clearTimeout(timer);
        unexpose();
      };
    },
    [session],
  );

  // A new spotlight (or its end) re-frames at once.
  useEffect(() => fitRef.current?.(), [region, fitOptions]);

  if (phase === 'failed') return <div className="board-message">{failure}</div>;
  return (
    <div
      ref={container}
      className="board-view"
      data-board-id={boardId}
      data-spotlight={region ? 'true' : undefined}
      aria-label={label}
    >
      {store ? (
        <ViewOnlyTldraw
          store={store}
          user={user}
          licenseKey={licenseKey}
          onMount={onMount}
          components={viewComponents}
        />
      ) : (
        <div className="board-message">Opening…</div>
      )}
    </div>
  );
}
