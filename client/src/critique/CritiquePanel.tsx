import { useContext, useEffect, useRef, useState, type RefObject } from 'react';
import { EditorPortal, useEditor, useValue } from 'tldraw';
import { critiqueIdFor } from '@conjecture/shared/board/index';
import { useBoardInsights } from './BoardInsights.js';
import { CritiqueSendContext } from './critiqueCommands.js';
import { CritiqueComposer } from './CritiqueComposer.js';
import { CritiqueReplyItem } from './CritiqueReplyItem.js';
import { stopCanvasPointer } from './CritiquePinsLayer.js';
import { isCritiqueThread, threadView } from './threadModel.js';
import { Button } from '../ui/Button.js';
import { IconButton } from '../ui/IconButton.js';
import { XIcon } from '../ui/icons.js';

/**
 * The open thread, beside the board (in screen space, above tldraw's UI): its replies, resolve/reopen and a
 * composer. Live: the thread is a store record the server writes, read with `useValue`. Without a sender
 * (read-only views) it shows the replies only.
 */
export function CritiquePanel() {
  const insights = useBoardInsights();
  const shapeId = insights?.openShapeId ?? null;
  if (!insights || !shapeId) return null;
  // key: a different shape's thread starts with a fresh composer and no stale error
  return <OpenThread key={shapeId} shapeId={shapeId} />;
}

function OpenThread({ shapeId }: { shapeId: string }) {
  const editor = useEditor();
  const insights = useBoardInsights();
  const send = useContext(CritiqueSendContext);
  const [error, setError] = useState<string | null>(null);
  const section = useRef<HTMLElement>(null);
  useKeyboardBackToCanvasOnClose(section);
  const threadId = critiqueIdFor(shapeId);
  const record = useValue('critique thread', () => editor.store.get(threadId as never) ?? null, [
    editor,
    threadId,
  ]);
  const shapeExists = useValue('critiqued shape', () => editor.getShape(shapeId as never) !== undefined, [
    editor,
    shapeId,
  ]);
  if (!insights) return null;
  const { viewer, resolveName, authorship, boardId } = insights;
  const thread = isCritiqueThread(record) ? record : null;
  const view = thread
    ? threadView(thread, viewer, resolveName, authorship ? (authorship[shapeId]?.creator ?? null) : undefined)
    : null;
  const run = async (refusal: Promise<string | null>) => {
    const message = await refusal;
    setError(message);
    return message;
  };

  return (
    <EditorPortal>
      <section
        ref={section}
        className="critique-panel stack"
        role="dialog"
        aria-label="Critique thread"
        data-testid="critique-panel"
        data-shape-id={shapeId}
        data-resolved={String(view?.resolved != null)}
        onPointerDown={stopCanvasPointer(editor)}
        onKeyDown={(event) => {
          // Keys typed here are the panel's: tldraw's shortcuts (delete, tools) must not act on the board.
          event.stopPropagation();
          if (event.key === 'Escape') insights.openThread(null);
        }}
      >
        <header className="critique-panel-head">
          <h2>Critique</h2>
          {view?.resolved && (
            <span className="critique-resolved" data-testid="critique-resolved">
              Resolved by {view.resolved.byName}
            </span>
          )}
          <IconButton
            size="sm"
            label="Close the thread"
            icon={<XIcon />}
            onClick={() => insights.openThread(null)}
          />
        </header>
        {!shapeExists && <p className="critique-note">This item was removed from the board.</p>}
        {view && view.replies.length > 0 ? (
          <ol className="critique-replies">
            {view.replies.map((reply) => (
              <CritiqueReplyItem
                key={reply.replyId}
                reply={reply}
                onEdit={
                  send &&
                  ((stance, text) =>
                    send('editCritique', { boardId, threadId, replyId: reply.replyId, stance, text }))
                }
                onDelete={
                  send && (() => send('deleteCritique', { boardId, threadId, replyId: reply.replyId }))
                }
              />
            ))}
          </ol>
        ) : (
          <p className="critique-note">No critique yet.</p>
        )}
        {send && view && view.replies.length > 0 && view.mayResolve && (
          <Button
            size="sm"
            onClick={() =>
              void run(send('resolveCritique', { boardId, threadId, resolved: view.resolved === null }))
            }
          >
            {view.resolved ? 'Reopen the thread' : 'Resolve the thread'}
          </Button>
        )}
        {error && (
          <p role="alert" className="critique-error">
            {error}
          </p>
        )}
        {send && shapeExists && (
          <CritiqueComposer
            submitLabel="Post"
            autoFocus
            onSubmit={(stance, text) => send('postCritique', { boardId, shapeId, stance, text })}
          />
        )}
      </section>
    </EditorPortal>
  );
}

/**
 * Closing the thread (Escape, ×, a pin) removes the panel that had the focus, and the browser would drop it
 * on the page's body, where the board hears no keys: a keyboard user goes back to the canvas, with the
 * critiqued shape still selected. Not when the focus is already elsewhere (a click on another control).
 */
function useKeyboardBackToCanvasOnClose(section: RefObject<HTMLElement | null>) {
  const editor = useEditor();
  useEffect(() => {
    const panel = section.current;
    return () => {
      const doc = editor.getContainer().ownerDocument;
      const active = doc.activeElement;
      if (active === null || active === doc.body || panel?.contains(active)) editor.getContainer().focus();
    };
  }, [editor, section]);
}
