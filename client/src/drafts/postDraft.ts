import { Box, type Editor, type TLShapeId } from 'tldraw';
import { placementPoint } from './placement.js';

export type PostResult = { ok: true; postedIds: TLShapeId[] } | { ok: false; message: string };

/**
 * Copies the draft's selected shapes (all of them when none is selected) onto the group board, through
 * tldraw's own copy and paste: new shape and binding ids (so the same draft can be posted twice), arrows
 * bound between copied shapes stay bound, and asset records come along unchanged — their images already
 * live on the server's asset store, so both boards reference the same URL.
 */
export function postDraftToGroup(draft: Editor, group: Editor, options: { keepCopy: boolean }): PostResult {
  if (group.getIsReadonly()) return { ok: false, message: 'The group board is read-only right now.' };
  const selected = draft.getSelectedShapeIds();
  const ids = selected.length > 0 ? selected : [...draft.getCurrentPageShapeIds()];
  const content = ids.length > 0 ? draft.getContentFromCurrentPage(ids) : undefined;
  if (!content || content.rootShapeIds.length === 0)
    return { ok: false, message: 'Your draft is empty: draw or write something first.' };
  const bounds = Box.Common(
    content.rootShapeIds.flatMap((id) => {
      const b = draft.getShapePageBounds(id);
      return b ? [b] : [];
    }),
  );
  const before = new Set(group.getCurrentPageShapeIds());
  group.markHistoryStoppingPoint('post draft');
  group.putContentOntoCurrentPage(content, {
    point: placementPoint(bounds, group.getViewportPageBounds()),
    // Not selected: a selection there would be one keypress (Delete) from losing the post.
    select: false,
  });
  const postedIds = [...group.getCurrentPageShapeIds()].filter((id) => !before.has(id));
  if (postedIds.length === 0) return { ok: false, message: 'The group board did not take the post.' };
  if (!options.keepCopy) draft.deleteShapes(content.rootShapeIds);
  return { ok: true, postedIds };
}
