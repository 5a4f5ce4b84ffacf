import 'tldraw/tldraw.css';
import { useCallback, useEffect, useState } from 'react';
import { Tldraw, type Editor } from 'tldraw';
import type { BoardId } from '@conjecture/shared';
import { useBoardSession } from '../sync/useBoardSession.js';
import type { BoardConnection, BoardSession } from '../sync/boardSession.js';
import type { ResolveDisplayName } from '../sync/presenceBridge.js';
import { useShapeFontsLoaded } from '../components/shapeFonts.js';
import { useTldrawUser } from '../components/useTldrawUser.js';
import { editableCanvasProps } from '../components/tldrawSetup.js';
import { keepLinksLocal } from '../components/localLinks.js';
import { keepShapesInSight } from '../components/keepShapesInSight.js';
import { keepTextReadable } from '../components/keepTextReadable.js';
import { withMathToolbar } from '../shapes/mathToolbar.js';
import { debugEnabled } from '../debug.js';
import { GraphPaperBackground } from '../graphPaper/GraphPaperBackground.js';
import { useUiAfterCanvas } from '../components/useUiAfterCanvas.js';

// A big board opens on the shapes in view, the rest following in batches (a module constant: stable).
const PROGRESSIVE = { progressive: true } as const;

declare global {
  interface Window {
    /** The open draft's editor (tests, support): `__conjecture` stays the group board's. */
    __conjectureDraft?: { editor: Editor; session: BoardSession };
  }
}

// The group board's math toolbar, so a student can draft an equation or a number line before posting it.
const draftComponents = withMathToolbar({ Background: GraphPaperBackground });

interface DraftBoardProps {
  boardId: BoardId;
  connection: BoardConnection;
  resolveName: ResolveDisplayName;
  licenseKey: string | null;
  maxAssetBytes: number | null;
  readOnly: boolean;
  onEditor: (editor: Editor | null) => void;
}

/** The student's private board: synced (and kept offline) like a group board, seen by them and the teacher. */
export function DraftBoard({
  boardId,
  connection,
  resolveName,
  licenseKey,
  maxAssetBytes,
  readOnly,
  onEditor,
}: DraftBoardProps) {
  const { phase, failure, store, session } = useBoardSession(boardId, connection, resolveName, PROGRESSIVE);
  const user = useTldrawUser(connection.userId, resolveName);
  // The editor measures its page's labels as it is built: their fonts load first (shapeFonts.ts).
  const fontsLoaded = useShapeFontsLoaded(store);
  const [editor, setEditor] = useState<Editor | null>(null);

  const onMount = useCallback(
    (mounted: Editor) => {
      setEditor(mounted);
      keepLinksLocal(mounted);
      const stopKeepingInSight = keepShapesInSight(mounted);
      const stopKeepingReadable = keepTextReadable(mounted);
      if (session && debugEnabled()) window.__conjectureDraft = { editor: mounted, session };
      return () => {
        stopKeepingInSight();
        stopKeepingReadable();
        setEditor(null);
        if (window.__conjectureDraft?.editor === mounted) delete window.__conjectureDraft;
      };
    },
    [session],
  );
  const deferredUi = useUiAfterCanvas(onMount);
  useEffect(() => {
    editor?.updateInstanceState({ isReadonly: readOnly });
  }, [editor, readOnly]);
  useEffect(() => onEditor(editor), [editor, onEditor]);

  if (phase === 'failed') return <div className="board-message">{failure}</div>;
  if (!store || !fontsLoaded) return <div className="board-message">Opening your draft…</div>;
  return (
    <div className="draft-board" data-board-id={boardId}>
      <Tldraw
        store={store}
        {...editableCanvasProps(licenseKey, maxAssetBytes)}
        user={user}
        {...deferredUi}
        components={draftComponents}
      />
    </div>
  );
}
