import { useEffect, useRef, useState, type RefObject } from 'react';
import type { BoardId } from '@conjecture/shared';
import { peekWarmBoardSession } from '../sync/boardSessionWarmup.js';
import type { BoardConnection, BoardSession } from '../sync/boardSession.js';
import { graphPaperStyle } from '../graphPaper/graphPaperStyle.js';
import { useGraphPaperShown } from '../graphPaper/graphPaperSetting.js';
import '../thumbnails/boardFonts.css';
import { OPENING_CAMERA, type Camera } from './openingCamera.js';

// The renderer (shared's board modules, with tldraw's schema packages under them) is a chunk of its own,
// asked for when the preview mounts: well before the board arrives, and never in the first bundle.
const loadDrawing = () => import('./boardPreviewDrawing.js');
type DrawPreview = Awaited<ReturnType<typeof loadDrawing>>['drawPreview'];

interface BoardPreviewProps {
  boardId: BoardId;
  connection: BoardConnection;
}

/**
 * The group's board as a picture while its editor loads: once the board's session (opened ahead by the
 * page, `useWarmBoardSession`) has the board — from the server's first sync, or this browser's copy — the
 * shapes of the first view are drawn once as SVG by the renderer of the dashboard's thumbnails, where the
 * editor will show them (full window, tldraw's opening camera), on its background and graph paper. On a
 * school Chromebook the editor (tldraw's code, then building it) takes seconds after the board has
 * arrived; the student sees their group's work meanwhile. The page draws this under the editor, whose
 * canvas covers it when it renders, and drops it once the editor is mounted. A picture only: hidden from
 * assistive technology (its status line, where the connection badge will be, says the board is opening)
 * and from pointer and keyboard, and drawn in a closed shadow root, so the page's queries (tests',
 * extensions') find each text once, in the editor.
 */
export function BoardPreview({ boardId, connection }: BoardPreviewProps) {
  const host = useRef<HTMLDivElement>(null);
  // A board that cannot open says why under the picture (the editor's message): the picture steps aside.
  const [failed, setFailed] = useState(false);
  const connectionKey = JSON.stringify(connection);

  useEffect(() => {
    const element = host.current;
    const session = peekWarmBoardSession(boardId, JSON.parse(connectionKey) as BoardConnection);
    if (!element || !session) return;
    let drawing: DrawPreview | null = null;
    let drawn = false;
    const update = () => {
      const { phase } = session.getStatus();
      if (phase === 'failed') setFailed(true);
      if (phase !== 'ready' || drawn || !drawing) return;
      drawn = true;
      drawing(element, session);
    };
    const unsubscribe = session.subscribe(update);
    void loadDrawing().then((module) => {
      drawing = module.drawPreview;
      update();
    });
    update();
    return () => {
      drawing = null;
      unsubscribe();
    };
  }, [boardId, connectionKey]);

  if (failed) return null;
  return (
    <>
      <PictureHost host={host} testId="board-preview" />
      {/* Where the connection badge will be, in its look: the board is not editable yet. */}
      <div
        className="connection-badge board-preview__status"
        role="status"
        data-state="connecting"
        data-testid="board-preview-status"
      >
        Opening the board…
      </div>
    </>
  );
}

/**
 * The board as this page last had it, once its editor is gone for good (the server closed it: full, moved):
 * the preview's picture, drawn from the closed session's copy through the editor's last camera (where the
 * student had scrolled) — read-only, as nothing reaches the server now.
 */
export function BoardPicture({ session, camera }: { session: BoardSession; camera: Camera | null }) {
  const host = useRef<HTMLDivElement>(null);
  const shownCamera = camera ?? OPENING_CAMERA;
  useEffect(() => {
    const element = host.current;
    if (!element) return;
    let shown = true;
    void loadDrawing().then(({ drawPreview }) => shown && drawPreview(element, session, shownCamera));
    return () => {
      shown = false;
    };
  }, [session, shownCamera]);
  return <PictureHost host={host} testId="board-picture" camera={shownCamera} />;
}

/** Where a picture of the board is drawn (by default at tldraw's opening view), on its graph paper, hidden from input. */
function PictureHost({
  host,
  testId,
  camera = OPENING_CAMERA,
}: {
  host: RefObject<HTMLDivElement | null>;
  testId: string;
  camera?: Camera;
}) {
  const graphPaper = useGraphPaperShown();
  return (
    <div
      ref={host}
      className="board-preview"
      aria-hidden="true"
      inert
      data-testid={testId}
      style={graphPaper ? graphPaperStyle(camera) : undefined}
    />
  );
}
