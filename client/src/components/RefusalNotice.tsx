import { useState, useSyncExternalStore } from 'react';
import { YjsRefusal } from '@conjecture/shared';
import type { BoardSession } from '../sync/boardSession.js';
import { Button } from '../ui/Button.js';

const WORDS: Record<string, string> = {
  [YjsRefusal.othersDeleted]:
    'What your classmates made came back: you can delete, clear, hide or rewrite only a few of their things at a time. To start over, ask your teacher.',
  [YjsRefusal.tooLarge]:
    'That was too big for the board (a very long text or drawing, or a shape stretched far too wide), so it was taken back. Try it in smaller pieces.',
  [YjsRefusal.tooMany]:
    'That added more to the board at once than a student can, so it was taken back. Add fewer things at a time, or ask your teacher.',
  [YjsRefusal.outOfSight]:
    'That would have made something too faint or too small for anyone to see, so it was taken back.',
  [YjsRefusal.hiddenInFrame]:
    'Something was left outside the frame holding it, where no one could see it, so it was moved out of the frame.',
  [YjsRefusal.removedByTeacher]:
    'Your teacher removed that from the board, so it cannot be brought back. If you think it should be there, ask your teacher.',
  [YjsRefusal.notAccepted]:
    'The board could not keep your last change, so it was taken back. If it keeps happening, reload the page.',
};

/**
 * Tells the student why the server undid part of what they did (their classmates' work reappeared), until
 * they dismiss it; the same refusal again shows it again.
 */
export function RefusalNotice({ session }: { session: BoardSession }) {
  const { refused } = useSyncExternalStore(session.subscribe, session.getStatus);
  const [dismissed, setDismissed] = useState(0);
  if (!refused || refused.count <= dismissed) return null;
  return (
    <div className="refusal-notice" role="alert" data-testid="refusal-notice">
      <p>{WORDS[refused.reason] ?? 'The board undid part of your last change.'}</p>
      <Button size="sm" onClick={() => setDismissed(refused.count)}>
        Got it
      </Button>
    </div>
  );
}
