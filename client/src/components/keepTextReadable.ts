import type { Editor, TLAsset, TLShape } from 'tldraw';
import { readableText } from '@conjecture/shared';
import { withEveryString } from '@conjecture/shared/board/index';

/**
 * What this browser writes to a board follows the rule all written text does (`readableText`): embeddings,
 * overrides and unmatched isolates taken out as they are typed or pasted — into a note, a label, a frame's
 * name, a math shape's fields or a file's name — matched isolates and marks kept. The server refuses a write
 * holding an embedding or an override (`reversingText.ts`): the student would see her pasted Arabic note
 * vanish, where it now stands without the controls, which the browser never needed to lay it out. Only her
 * own changes: classmates' come as the server let them through. Returns the unregistering.
 */
export function keepTextReadable(editor: Editor): () => void {
  const { sideEffects } = editor;
  const readable = <R extends TLShape | TLAsset>(record: R, source: 'user' | 'remote'): R =>
    source === 'user' ? withEveryString(record, readableText) : record;
  // A move keeps the props and meta it had: nothing to walk on every frame of a drag.
  const changed = <R extends TLShape | TLAsset>(before: R, after: R, source: 'user' | 'remote'): R =>
    after.props === before.props && after.meta === before.meta ? after : readable(after, source);
  const stops = [
    sideEffects.registerBeforeCreateHandler('shape', readable),
    sideEffects.registerBeforeChangeHandler('shape', changed),
    sideEffects.registerBeforeCreateHandler('asset', readable),
    sideEffects.registerBeforeChangeHandler('asset', changed),
  ];
  return () => stops.forEach((stop) => stop());
}
