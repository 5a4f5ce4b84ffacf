import { useEffect, useState } from 'react';
import type { Editor, TLShapeId } from 'tldraw';
import { QUESTION_CARD_TYPE } from '@conjecture/shared/board/index';
import { Button } from '../ui/Button.js';
import { announce } from '../ui/liveRegion.js';
import { questionAnnouncement } from '../classroom/classAnnouncements.js';

/** Room around the card when it is brought into view, in screen pixels at zoom 1. */
const SHOW_MARGIN_PX = 80;

/**
 * The server places question cards beside the work, possibly out of view: this notice says one arrived and
 * brings it into view on request (the camera is never taken from a student mid-stroke). Once the student
 * answered it, the notice says so.
 */
export function QuestionNotice({
  editor,
  answered = new Map(),
}: {
  editor: Editor;
  answered?: ReadonlyMap<string, string>;
}) {
  const [latest, setLatest] = useState<TLShapeId | null>(null);

  useEffect(() => {
    const cards = () =>
      editor
        .getCurrentPageShapes()
        .filter((s) => s.type === QUESTION_CARD_TYPE)
        .sort((a, b) => (a.index > b.index ? 1 : a.index < b.index ? -1 : 0));
    const initial = cards();
    const known = new Set(initial.map((s) => s.id));
    if (initial.length > 0) setLatest(initial[initial.length - 1]!.id);
    return editor.store.listen(
      ({ changes }) => {
        for (const record of Object.values(changes.added)) {
          if (record.typeName === 'shape' && record.type === QUESTION_CARD_TYPE && !known.has(record.id)) {
            known.add(record.id);
            setLatest(record.id);
            // a new card (not one already on the board at load) is read out with its question
            announce(questionAnnouncement(record.props.text));
          }
        }
      },
      { scope: 'document' },
    );
  }, [editor]);

  const card = latest ? editor.getShape(latest) : undefined;
  if (!latest || !card) return null;
  const questionId = (card.props as { questionId?: string }).questionId ?? '';
  const show = () => {
    const bounds = editor.getShapePageBounds(latest);
    if (!bounds) return;
    // At zoom 1 when the card fits the viewport, smaller when it does not (a phone, a tiny window).
    const viewport = editor.getViewportScreenBounds();
    const fit = Math.min(
      viewport.w / (bounds.w + 2 * SHOW_MARGIN_PX),
      viewport.h / (bounds.h + 2 * SHOW_MARGIN_PX),
    );
    editor.zoomToBounds(bounds.clone().expandBy(SHOW_MARGIN_PX), {
      animation: { duration: 200 },
      targetZoom: Math.min(1, fit),
    });
  };
  return (
    <div className="question-notice" role="status" data-testid="question-notice">
      {answered.has(questionId) ? 'Your answer was sent to your teacher.' : 'Your teacher asked a question.'}{' '}
      <Button size="sm" onClick={show}>
        Show the question
      </Button>
    </div>
  );
}
