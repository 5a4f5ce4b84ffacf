import { useEffect } from 'react';
import type { Editor, TLShapeId } from 'tldraw';
import { TASK_CARD_ID } from '@conjecture/shared/board/index';

/** Where the card's top-left corner goes on screen: below the class bar and its banners. */
const CARD_SCREEN_POINT = { x: 16, y: 96 };

/**
 * The server puts the task card just above the board's origin (where the work starts), which a fresh camera
 * does not show: when a student's board first holds the card, the camera moves once so it sits at the top
 * left, with the work below it. Never again after that (the camera is never taken from a student who is
 * working).
 */
export function TaskCardIntoView({ editor }: { editor: Editor }) {
  useEffect(() => {
    const id = TASK_CARD_ID as TLShapeId;
    let cancelled = false;
    // Outside the store's own change handling (a remote change is being applied when the card arrives):
    // tldraw's camera state must see the move as an ordinary one, or it stays "moving" and blocks hits.
    const frame = () =>
      editor.timers.requestAnimationFrame(() => {
        const card = editor.getShape(id);
        if (cancelled || !card) return;
        const zoom = editor.getZoomLevel();
        editor.setCamera({
          x: CARD_SCREEN_POINT.x / zoom - card.x,
          y: CARD_SCREEN_POINT.y / zoom - card.y,
          z: zoom,
        });
      });
    if (editor.getShape(id)) {
      frame();
      return () => {
        cancelled = true;
      };
    }
    const stop = editor.store.listen(
      ({ changes }) => {
        if (!changes.added[id]) return;
        stop();
        frame();
      },
      { scope: 'document' },
    );
    return () => {
      cancelled = true;
      stop();
    };
  }, [editor]);
  return null;
}
