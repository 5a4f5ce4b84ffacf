import { Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import type { Editor } from 'tldraw';
import type { Group, Spotlight } from '@conjecture/shared';
import { LazyBoardEditor } from './lazyBoards.js';
import { QuestionForm } from './QuestionForm.js';
import { teacherViewConnection, teacherWriteConnection } from '../classroom/teacherConnections.js';
import type { ResolveDisplayName } from '../sync/presenceBridge.js';
import type { ClassSocket } from '../classroom/useClassSocket.js';
import { CritiqueSendContext, critiqueSender } from '../critique/critiqueCommands.js';
import { Button } from '../ui/Button.js';
import { Switch } from '../ui/Switch.js';
import { ReplayIcon, SpotlightIcon } from '../ui/icons.js';
import { fitEditorTo } from './fitView.js';
import { TakeSnapshotButton } from '../discussion/TakeSnapshotButton.js';

/**
 * Opened, the board shows all its work: clear of the side panel on the right, tldraw's bars, and the view
 * switches at the top left (critique.css: from 52 px down, about 56 px tall) — with a top inset of 48 the task
 * card's label sat under them. 96 + the 24 px padding starts the work at 120 px.
 */
const OPEN_FIT = { paddingPx: 24, maxZoom: 2, insets: { top: 96, right: 280, bottom: 64 } };
/**
 * Drawing, the side panel moves left of tldraw's style panel (app.css: `.focus-panel[data-drawing]`, 168 px
 * from the right): the work is fitted clear of both, or the panel covered what the teacher came to draw on.
 */
const DRAWING_FIT = { ...OPEN_FIT, insets: { ...OPEN_FIT.insets, right: 280 + 168 } };

interface BoardFocusProps {
  classId: string;
  group: Group;
  resolveName: ResolveDisplayName;
  licenseKey: string | null;
  maxAssetBytes: number | null;
  onPose: (text: string, groupId: string | null, anchorShapeId: string | null) => Promise<string | null>;
  onClose: () => void;
  /** Opens the replay of this group's board over the lesson. */
  onReplay: () => void;
  /** The teacher's class socket: the live tags of the read-only view come over it. */
  classSocket: ClassSocket | null;
  /** The projector's spotlight now (on any board), and how to set or end it. */
  spotlight: Spotlight | null;
  onSpotlight: (spotlight: Spotlight | null) => void;
}

/**
 * One group's board, large: read-only with the group's live cursors, or writable when the teacher chooses
 * to draw on it. A question posed here goes to this group, beside the selected shape if one is selected.
 */
export function BoardFocus({
  classId,
  group,
  resolveName,
  licenseKey,
  maxAssetBytes,
  onPose,
  onClose,
  onReplay,
  classSocket,
  spotlight,
  onSpotlight,
}: BoardFocusProps) {
  const [writable, setWritable] = useState(false);
  const [editor, setEditor] = useState<Editor | null>(null);
  // The teacher critiques over the class socket even on the read-only view: the server writes the thread.
  const sendCritique = useMemo(() => critiqueSender(classSocket), [classSocket]);
  // Fitted once when it opens (and again when switching to drawing), not at 100 % from the origin.
  useEffect(() => {
    if (editor) fitEditorTo(editor, null, writable ? DRAWING_FIT : OPEN_FIT);
  }, [editor, writable]);
  // The selection when there is one, else what the teacher has framed on screen (the spotlight's and the
  // snapshot's region alike).
  const framedRegion = () => {
    if (!editor) return null;
    const bounds = editor.getSelectionPageBounds() ?? editor.getViewportPageBounds();
    return { x: bounds.x, y: bounds.y, w: Math.max(1, bounds.w), h: Math.max(1, bounds.h) };
  };
  const spotlightHere = () => {
    const region = framedRegion();
    if (!editor || !region) return;
    onSpotlight({ boardId: group.boardId, region, shapeId: editor.getSelectedShapeIds()[0] ?? null });
  };
  const selectedShape = useCallback(() => editor?.getSelectedShapeIds()[0] ?? null, [editor]);
  return (
    <div className="board-focus" data-testid="board-focus">
      <CritiqueSendContext.Provider value={sendCritique}>
        <Suspense fallback={<div className="board-message">Loading…</div>}>
          <LazyBoardEditor
            key={`${group.boardId}:${String(writable)}`}
            boardId={group.boardId}
            connection={writable ? teacherWriteConnection(classId) : teacherViewConnection}
            resolveName={resolveName}
            progressive={false}
            licenseKey={licenseKey}
            maxAssetBytes={maxAssetBytes}
            readOnly={!writable}
            onEditor={setEditor}
            tags={{ auth: { teacher: true }, classSocket }}
          />
        </Suspense>
        {/* Beside the board, not inside it: there it came only once the board had loaded and followed the
            board's own loading boundary — a teacher's click on "Back" was lost while it did (CI, under load). */}
        <aside className="focus-panel stack" data-drawing={writable || undefined}>
          <h2>{group.name}</h2>
          <Button onClick={onClose}>Back to the dashboard</Button>
          <Switch label="Draw on this board" checked={writable} onCheckedChange={setWritable} />
          <Button onClick={onReplay}>
            <ReplayIcon aria-hidden /> Replay the lesson
          </Button>
          <Button onClick={spotlightHere} disabled={!editor}>
            <SpotlightIcon aria-hidden /> Spotlight on the projector
          </Button>
          <p className="muted">Select an item to show just that, large; otherwise what you see here.</p>
          <TakeSnapshotButton
            classId={classId}
            groupId={group.groupId}
            region={framedRegion}
            disabled={!editor}
          />
          {spotlight && <Button onClick={() => onSpotlight(null)}>End the spotlight</Button>}
          <QuestionForm
            groups={[group]}
            groupId={group.groupId}
            anchorShapeId={selectedShape}
            onPose={onPose}
          />
        </aside>
      </CritiqueSendContext.Provider>
    </div>
  );
}
