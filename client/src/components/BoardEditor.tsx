import 'tldraw/tldraw.css';
import { Suspense, memo, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import {
  CameraRecordType,
  TLINSTANCE_ID,
  Tldraw,
  type Editor,
  type TLStore,
  type TLCurrentUser,
} from 'tldraw';
import { useShapeFontsLoaded } from './shapeFonts.js';
import type { BoardId } from '@conjecture/shared';
import { useBoardSession } from '../sync/useBoardSession.js';
import { useTldrawUser } from './useTldrawUser.js';
import { useUiAfterCanvas } from './useUiAfterCanvas.js';
import { useCompactBoardUi } from './compactBoardUi.js';
import type { BoardConnection } from '../sync/boardSession.js';
import type { ResolveDisplayName } from '../sync/presenceBridge.js';
import { exposeForDebugging } from '../debug.js';
import { ConnectionBadge } from './ConnectionBadge.js';
import { RefusalNotice } from './RefusalNotice.js';
import { withMathToolbar } from '../shapes/mathToolbar.js';
import { editableCanvasProps } from './tldrawSetup.js';
import { keepLinksLocal } from './localLinks.js';
import { keepShapesInSight } from './keepShapesInSight.js';
import { keepTextReadable } from './keepTextReadable.js';
import { useBoardTags, type BoardTagsFeed } from '../tagging/useBoardTags.js';
import { BoardTagsContext, TagChipsLayer } from '../tagging/TagChipsLayer.js';
import { withBoardInsightLayers } from '../critique/boardInsightLayers.js';
import { BoardInsightsProvider } from '../critique/BoardInsights.js';
import { GraphPaperBackground } from '../graphPaper/GraphPaperBackground.js';
import { BoardLoadedContext, afterBoardLoad } from './afterBoardLoad.js';
import { BoardPicture } from './BoardPreview.js';
import { ClosedBoardCard } from './ClosedBoardCard.js';
import type { Camera } from './openingCamera.js';

// Stable across renders: tldraw remounts its slots when the components object changes.
const editorComponents = afterBoardLoad(
  withBoardInsightLayers({
    OnTheCanvas: TagChipsLayer,
    // Graph paper when the class has it on (the page calls useShowGraphPaper).
    Background: GraphPaperBackground,
  }),
);

const boardComponents = withMathToolbar(editorComponents);

interface BoardEditorProps {
  boardId: BoardId;
  connection: BoardConnection;
  resolveName: ResolveDisplayName;
  licenseKey: string | null;
  maxAssetBytes: number | null;
  /** The editor refuses edits (a paused class, a read-only view); the server refuses them anyway. */
  readOnly?: boolean;
  /** Told when the server closed the board for good (4409 moved, 4410 removed…). */
  onClosed?: (code: number) => void;
  /** Offered on the card of a move's close (4409): opens the board of the group she is in now. */
  onOpenGroupBoard?: () => void;
  /** Told once the editor is mounted (e.g. to read the selection for an anchored question). */
  onEditor?: (editor: Editor | null) => void;
  /** A class board's tags, shown as chips beside its texts and notes. */
  tags?: BoardTagsFeed;
  /** Drawn over the board (banners, buttons). */
  children?: ReactNode;
  /**
   * Open on the shapes in view first (default). Off where the view is framed on all the work when it opens
   * (the teacher's opened board): a frame taken before the far shapes arrive would leave them out.
   */
  progressive?: boolean;
}

export function BoardEditor({
  boardId,
  connection,
  resolveName,
  licenseKey,
  maxAssetBytes,
  readOnly = false,
  onClosed,
  onOpenGroupBoard,
  onEditor,
  tags,
  children,
  progressive = true,
}: BoardEditorProps) {
  // Each "Try again" on the closed board's card opens a fresh session in place (the page is not reloaded).
  const [attempt, setAttempt] = useState(0);
  // Her view as the board closed, for the editor a Try again opens: where she was (the card's picture showed
  // it), not tldraw's opening view, which left her looking for her work.
  const keptCamera = useRef<Camera | null>(null);
  // A big board opens on the shapes in view, the rest following in batches (`progressive`).
  const { phase, failure, store, session, loaded } = useBoardSession(boardId, connection, resolveName, {
    progressive,
    attempt,
  });
  // The editor measures its page's labels as it is built: their fonts load first (shapeFonts.ts).
  const fontsLoaded = useShapeFontsLoaded(store);
  const tagStore = useBoardTags(boardId, session, tags);
  const [editor, setEditor] = useState<Editor | null>(null);
  const { userId } = connection;
  const user = useTldrawUser(userId, resolveName);

  const onMount = useCallback(
    (mounted: Editor) => {
      setEditor(mounted);
      if (keptCamera.current) mounted.setCamera(keptCamera.current, { immediate: true });
      keepLinksLocal(mounted);
      const stopKeepingInSight = keepShapesInSight(mounted);
      const stopKeepingReadable = keepTextReadable(mounted);
      const unexpose = session ? exposeForDebugging(mounted, session) : () => {};
      return () => {
        stopKeepingInSight();
        stopKeepingReadable();
        unexpose();
        setEditor(null);
      };
    },
    [session],
  );

  useEffect(() => {
    editor?.updateInstanceState({ isReadonly: readOnly });
  }, [editor, readOnly]);

  useEffect(() => {
    onEditor?.(editor);
  }, [editor, onEditor]);

  useEffect(() => {
    if (!session || !onClosed) return;
    return session.subscribe(() => {
      const { closeCode } = session.getStatus();
      if (closeCode !== null) onClosed(closeCode);
    });
  }, [session, onClosed]);

  // Read as the board closes, while the store still holds the editor's last camera.
  const lastCamera = useMemo(() => (phase === 'failed' && store ? cameraOf(store) : null), [phase, store]);
  const tryAgain = useCallback(() => {
    // A try closed before its editor opened has no camera of its own: the one kept before stays.
    if (lastCamera) keptCamera.current = lastCamera;
    setAttempt((n) => n + 1);
  }, [lastCamera]);

  // Closed for good (full, moved, removed): why, in a card over the board's last picture (read-only), and
  // the page's parts drawn over the board still there — the class bar's hand and draft need no board
  // connection. A `.board` still, so the page's preview drops its "Opening the board…" badge.
  if (phase === 'failed')
    return (
      <div className="board" data-board-id={boardId} data-readonly="true" data-closed="">
        {session && <BoardPicture session={session} camera={lastCamera} />}
        {/* Keyed alike in both branches: the page's parts stay mounted as the board closes and opens again
            (a class bar mounted anew showed a raised hand as lowered). */}
        <Suspense key="page-parts" fallback={null}>
          {children}
        </Suspense>
        <ClosedBoardCard
          code={session?.getStatus().closeCode ?? null}
          failure={failure}
          afterTryAgain={attempt > 0}
          onTryAgain={tryAgain}
          onOpenGroupBoard={onOpenGroupBoard}
        />
      </div>
    );
  return (
    <div className="board" data-board-id={boardId} data-readonly={String(readOnly)}>
      {/* Children lazy-load parts (the question notice once the editor exists): their own boundary, for a
          boundary above the editor would hide it, and hiding runs tldraw's layout-effect cleanup — the editor
          is disposed and built again from scratch when the part arrives. Before the editor in the page's
          order (they are drawn over it by z-index): a keyboard user tabs through the class bar at the top of
          the screen first, then tldraw's "Move focus to canvas" and its toolbar, not ~13 of tldraw's
          controls before "Raise my hand". */}
      <Suspense key="page-parts" fallback={null}>
        {children}
      </Suspense>
      {session && <ConnectionBadge session={session} />}
      {session && !readOnly && <RefusalNotice session={session} />}
      {store && session ? (
        <BoardTagsContext.Provider value={tagStore}>
          <BoardInsightsProvider
            boardId={boardId}
            store={store}
            viewerId={userId}
            resolveName={resolveName}
            auth={tags?.auth ?? null}
          >
            <BoardLoadedContext.Provider value={loaded}>
              {fontsLoaded && (
                <BoardCanvas
                  store={store}
                  licenseKey={licenseKey}
                  maxAssetBytes={maxAssetBytes}
                  user={user}
                  onMount={onMount}
                />
              )}
            </BoardLoadedContext.Provider>
          </BoardInsightsProvider>
        </BoardTagsContext.Provider>
      ) : (
        <div className="board-message">Opening the board…</div>
      )}
    </div>
  );
}

/** The camera of the page the editor shows, as tldraw keeps it in the store; null before it has one. */
function cameraOf(store: TLStore): Camera | null {
  const pageId = store.get(TLINSTANCE_ID)?.currentPageId;
  const camera = pageId ? store.get(CameraRecordType.createId(pageId)) : undefined;
  return camera ? { x: camera.x, y: camera.y, z: camera.z } : null;
}

interface BoardCanvasProps {
  store: TLStore;
  licenseKey: string | null;
  maxAssetBytes: number | null;
  user: TLCurrentUser;
  onMount: (editor: Editor) => () => void;
}

/**
 * The editor itself, re-rendered only when its own props change: the board editor re-renders as the page
 * does (the editor handed up at mount, the page's header and banners as children), and each of those would
 * otherwise walk tldraw's whole tree, right after the mount and while the board loads.
 */
const BoardCanvas = memo(function BoardCanvas({
  store,
  licenseKey,
  maxAssetBytes,
  user,
  onMount,
}: BoardCanvasProps) {
  const deferredUi = useUiAfterCanvas(onMount);
  const compact = useCompactBoardUi();
  return (
    <Tldraw
      store={store}
      {...editableCanvasProps(licenseKey, maxAssetBytes)}
      user={user}
      forceMobile={compact}
      {...deferredUi}
      components={boardComponents}
    />
  );
});
