import type { YKeyValue } from 'y-utility/y-keyvalue';
import { BoardThumbnail, type ThumbnailChange, type ThumbnailRecord } from './boardThumbnail.js';

/**
 * Keeps a thumbnail in step with a board's records (the `YKeyValue` of its Y.Doc, e.g. a read-only
 * `mode=view` connection's) and tells `onChange` after each batch of changes, at most once per animation
 * frame. Returns the unbind function. The caller renders `thumbnail.toSvg()` (an `<img>` of a data URL, or
 * markup in a container): no tldraw editor per group.
 */
export function bindThumbnail(
  records: YKeyValue<ThumbnailRecord>,
  onChange: (thumbnail: BoardThumbnail) => void,
  schedule: (run: () => void) => void = (run) => void requestAnimationFrame(run),
): { thumbnail: BoardThumbnail; unbind: () => void } {
  const thumbnail = new BoardThumbnail([...records.map.values()].map((entry) => entry.val));
  let pending = false;
  let bound = true;
  const onRecords = (changes: Map<string, ThumbnailChange>) => {
    thumbnail.apply(changes);
    if (pending) return;
    pending = true;
    schedule(() => {
      pending = false;
      if (bound) onChange(thumbnail);
    });
  };
  records.on('change', onRecords as never);
  return {
    thumbnail,
    unbind: () => {
      bound = false;
      records.off('change', onRecords as never);
    },
  };
}
