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
    const frame = () => {
      const card = editor.getShape(id);
      if (!card) return false;
      const zoom = editor.getZoomLevel();
      editor.setCamera({
        x: CARD_SCREEN_POINT.x / zoom - card.x,
        y: CARD_SCREEN_POINT.y / zoom - card.y,
        z: zoom,
      });
      return true;
    };
    if (frame()) return;
    const stop = editor.store.listen(
      ({ changes }) => {
        if (changes.added[id] && frame()) stop();
      },
      { scope: 'document' },
    );
    return stop;
  }, [editor]);
  return null;
}
