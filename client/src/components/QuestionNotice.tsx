import { useEffect, useState } from 'react';
import type { Editor, TLShapeId } from 'tldraw';
import { QUESTION_CARD_TYPE } from '@conjecture/shared/board/index';
import { announce } from '../ui/liveRegion.js';
import { questionAnnouncement } from '../classroom/classAnnouncements.js';

/**
 * The server places question cards beside the work, possibly out of view: this notice says one arrived and
 * shows it on request (the camera is never taken from a student mid-stroke).
 */
export function QuestionNotice({ editor }: { editor: Editor }) {
  const [latest, setLatest] = useState<TLShapeId | null>(null);

  useEffect(() => {
    const cards = () =>
      editor
        .getCurrentPageShapes()
        .filter((s) => s.type === QUESTION_CARD_TYPE)
        .sort((a, b) => a.id.localeCompare(b.id));
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

  if (!latest || !editor.getShape(latest)) return null;
  const show = () => {
    const bounds = editor.getShapePageBounds(latest);
    if (bounds)
      editor.zoomToBounds(bounds.clone().expandBy(80), { animation: { duration: 200 }, targetZoom: 1 });
  };
  return (
    <div className="question-notice" role="status">
      Your teacher asked a question.{' '}
      <button type="button" onClick={show}>
        Show the question
      </button>
    </div>
  );
}
