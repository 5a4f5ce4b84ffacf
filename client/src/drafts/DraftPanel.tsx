import { useEffect, useMemo, useRef, useState } from 'react';
import type { Editor } from 'tldraw';
import { PROTOCOL_VERSION, type BoardId } from '@conjecture/shared';
import type { BoardConnection } from '../sync/boardSession.js';
import type { ResolveDisplayName } from '../sync/presenceBridge.js';
import { DraftBoard } from './DraftBoard.js';
import { openDraftBoard } from './draftApi.js';
import { classBoardCopies } from '../classroom/classBoardCopies.js';
import { postDraftToGroup } from './postDraft.js';
import { Button } from '../ui/Button.js';
import { Checkbox } from '../ui/Checkbox.js';
import { useCanvasPanelClose } from '../keyboard/useCanvasPanelClose.js';

interface DraftPanelProps {
  classId: string;
  token: string;
  studentId: string;
  /** The group board's editor, where posts land. */
  groupEditor: Editor | null;
  resolveName: ResolveDisplayName;
  licenseKey: string | null;
  maxAssetBytes: number | null;
  /** The class is paused: the draft is read-only too (the server refuses writes anyway). */
  readOnly: boolean;
  onClose: () => void;
}

/**
 * Private think time: the student's own board in a panel beside the group board. The group board stays
 * mounted and syncing underneath (no reconnect, its cursors and changes keep coming), so posting is a copy
 * between two live editors and closing the panel loses nothing — the draft is stored on the server. So it
 * closes without asking, by Close or by Escape once tldraw's own Escape has nothing left to do.
 */
export function DraftPanel(props: DraftPanelProps) {
  const { classId, token, studentId, groupEditor, onClose } = props;
  const [boardId, setBoardId] = useState<BoardId | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [draftEditor, setDraftEditor] = useState<Editor | null>(null);
  const [keepCopy, setKeepCopy] = useState(true);
  const [status, setStatus] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    openDraftBoard(classId, token)
      .then(({ boardId: id }) => {
        if (cancelled) return;
        // before the draft's copy is opened: deleted with the class's other copies when it ends
        classBoardCopies.note(classId, id);
        setBoardId(id);
      })
      .catch(
        (error: unknown) => !cancelled && setFailure(error instanceof Error ? error.message : String(error)),
      );
    return () => {
      cancelled = true;
    };
  }, [classId, token]);

  // Two editors on one page would both take keyboard shortcuts (Delete, undo…): only the one last pointed
  // at is focused. The draft starts focused; closing it gives the keyboard back to the group board.
  const panel = useRef<HTMLElement>(null);
  useEffect(() => {
    if (!draftEditor || !groupEditor) return;
    const focusOne = (event: PointerEvent) => {
      const inDraft = panel.current?.contains(event.target as Node) ?? false;
      (inDraft ? groupEditor : draftEditor).blur({ blurContainer: false });
      (inDraft ? draftEditor : groupEditor).focus({ focusContainer: false });
    };
    groupEditor.blur({ blurContainer: false });
    draftEditor.focus({ focusContainer: false });
    document.addEventListener('pointerdown', focusOne, true);
    return () => {
      document.removeEventListener('pointerdown', focusOne, true);
      if (!groupEditor.isDisposed) groupEditor.focus({ focusContainer: false });
    };
  }, [draftEditor, groupEditor]);

  const connection = useMemo<BoardConnection>(
    () => ({
      userId: studentId,
      yjsParams: { token },
      socketAuth: { protocolVersion: PROTOCOL_VERSION, token },
      localCopy: true,
    }),
    [studentId, token],
  );

  const closing = useCanvasPanelClose(draftEditor, onClose);

  const post = () => {
    if (!draftEditor || !groupEditor) return;
    const result = postDraftToGroup(draftEditor, groupEditor, { keepCopy });
    setStatus(
      result.ok
        ? `Posted ${result.postedIds.length} ${result.postedIds.length === 1 ? 'shape' : 'shapes'} to your group.`
        : result.message,
    );
  };

  return (
    <aside
      ref={panel}
      className="draft-panel"
      data-testid="draft-panel"
      aria-label="My draft"
      onKeyDownCapture={closing.onKeyDownCapture}
    >
      <div className="draft-panel__bar">
        <strong>My draft</strong>
        <span className="muted">Only you and your teacher see this.</span>
        <Button
          variant="primary"
          size="sm"
          onClick={post}
          disabled={!draftEditor || !groupEditor || props.readOnly}
        >
          Post to group
        </Button>
        <Checkbox label="Keep a copy" checked={keepCopy} onCheckedChange={setKeepCopy} />
        <Button size="sm" onClick={closing.requestClose}>
          Close
        </Button>
      </div>
      {status && (
        <p className="draft-panel__status" role="status">
          {status}
        </p>
      )}
      {failure ? (
        <div className="board-message" role="alert">
          Cannot open your draft: {failure}
        </div>
      ) : boardId ? (
        <DraftBoard
          boardId={boardId}
          connection={connection}
          resolveName={props.resolveName}
          licenseKey={props.licenseKey}
          maxAssetBytes={props.maxAssetBytes}
          readOnly={props.readOnly}
          onEditor={setDraftEditor}
        />
      ) : (
        <div className="board-message">Opening your draft…</div>
      )}
    </aside>
  );
}
