import 'tldraw/tldraw.css';
import { useCallback } from 'react';
import { Tldraw, type Editor } from 'tldraw';
import type { BoardId } from '@conjecture/shared';
import { useBoardSession } from '../sync/useBoardSession.js';
import { useTldrawUser } from './useTldrawUser.js';
import type { BoardConnection } from '../sync/boardSession.js';
import type { ResolveDisplayName } from '../sync/presenceBridge.js';
import { exposeViewForDebugging } from '../debug.js';
import { customShapeUtils } from '../shapes/index.js';
import { assetUrls } from './tldrawSetup.js';
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
}

/** Re-fit at most this often while the board changes: a thumbnail follows the work without jitter. */
const REFIT_MS = 150;

/**
 * A live, read-only board without tldraw's UI, zoomed to fit its content: the dashboard's thumbnails and the
 * projector. Remote cursors show, with the names this viewer's resolver gives (pseudonyms on an anonymized
 * projector).
 */
export function BoardView({ boardId, connection, resolveName, licenseKey, label }: BoardViewProps) {
  const { phase, failure, store, session } = useBoardSession(boardId, connection, resolveName);
  const { userId } = connection;
  const user = useTldrawUser(userId, resolveName);

  const onMount = useCallback(
    (editor: Editor) => {
      editor.updateInstanceState({ isReadonly: true });
      const fit = () => editor.zoomToFit({ animation: { duration: 0 } });
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
      return () => {
        stop();
        if (timer) clearTimeout(timer);
        unexpose();
      };
    },
    [session],
  );

  if (phase === 'failed') return <div className="board-message">{failure}</div>;
  return (
    <div className="board-view" data-board-id={boardId} aria-label={label}>
      {store ? (
        <Tldraw
          store={store}
          shapeUtils={customShapeUtils}
          user={user}
          assetUrls={assetUrls}
          licenseKey={licenseKey ?? undefined}
          hideUi
          autoFocus={false}
          onMount={onMount}
          components={viewComponents}
        />
      ) : (
        <div className="board-message">Opening…</div>
      )}
    </div>
  );
}
