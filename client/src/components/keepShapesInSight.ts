import type { Editor, TLShape, TLShapeId } from 'tldraw';
import {
  isTooFaint,
  MIN_SHAPE_SCALE,
  MIN_SHAPE_SIDE,
  opacityOf,
  parentsOpacity,
  strokeShrunkOutOfSight,
} from '@conjecture/shared/board/index';

/**
 * The server takes back a write that leaves a shape, or what it holds, too faint or too small for anyone to
 * see (`shapeSight.ts`) — and tldraw's own UI can make one: a box at 0.25 inside a frame at 0.25 is drawn at
 * 0.0625, a text resized from its corner can shrink to 1 % of its scale, and a drawing flipped by dragging its
 * corner through the opposite edge passes under a pixel. The student then saw her change go back with a
 * notice. Her own edits are kept within the bounds instead: a fade stops at the first of tldraw's opacity
 * steps at which the shape, and the faintest thing inside it, is drawn at least at tldraw's faintest; a shrink
 * stops at the smallest scale. Classmates' changes are left to the server. Returns the unregistering.
 */
export function keepShapesInSight(editor: Editor): () => void {
  const { sideEffects } = editor;
  const stops = [
    sideEffects.registerBeforeCreateHandler('shape', (shape, source) =>
      source === 'user' ? withinSight(editor, null, shape) : shape,
    ),
    sideEffects.registerBeforeChangeHandler('shape', (before, after, source) =>
      source === 'user' ? withinSight(editor, before, after) : after,
    ),
  ];
  return () => stops.forEach((stop) => stop());
}

type Props = Record<string, unknown>;

/** `after` within sight: as it is, or with what went past a bound raised to it. `before` null: a new shape. */
function withinSight(editor: Editor, before: TLShape | null, after: TLShape): TLShape {
  let kept = after;
  const props = after.props as Props;
  const old = (before?.props ?? {}) as Props;
  const raised: Props = {};
  if (changedBelow(props.scale, old.scale, MIN_SHAPE_SCALE)) raised.scale = MIN_SHAPE_SCALE;
  if (after.type !== 'text')
    for (const side of ['w', 'h'])
      if (changedBelow(props[side], old[side], MIN_SHAPE_SIDE)) raised[side] = MIN_SHAPE_SIDE;
  // A drawing resized under a pixel (a flip dragged through its own edge) keeps the size it had.
  if ((props.scaleX !== old.scaleX || props.scaleY !== old.scaleY) && strokeShrunkOutOfSight(props)) {
    const sized = before && !strokeShrunkOutOfSight(old) ? old : { scaleX: 1, scaleY: 1 };
    Object.assign(raised, { scaleX: sized.scaleX, scaleY: sized.scaleY });
  }
  if (Object.keys(raised).length > 0) kept = { ...kept, props: { ...props, ...raised } } as TLShape;
  // Only a fade or a move into another parent can leave it, or what it holds, too faint.
  if (!before || after.opacity < before.opacity || after.parentId !== before.parentId) {
    const fading = fadingAround(editor, after);
    if (isTooFaint(after.opacity * fading))
      kept = { ...kept, opacity: TLDRAW_OPACITIES.find((step) => !isTooFaint(step * fading)) ?? 1 };
  }
  return kept;
}

/** The opacities tldraw's style panel offers: a raised opacity is one of them, so the slider can show it. */
const TLDRAW_OPACITIES = [0.1, 0.25, 0.5, 0.75, 1] as const;

/** A size the change sets below `least` (a value that was already there is the server's to judge). */
const changedBelow = (value: unknown, was: unknown, least: number) =>
  typeof value === 'number' && value < least && value !== was;

/**
 * What the shape's opacity is multiplied by where it is drawn faintest: by its frames, and for what it holds
 * by their own opacities too — its own opacity times this must not be too faint.
 */
function fadingAround(editor: Editor, shape: TLShape): number {
  const valueOf = (id: string) => editor.store.get(id as TLShapeId);
  return parentsOpacity(shape, valueOf) * faintestHeld(editor, shape.id);
}

/** The least share of its parent's opacity anything inside the shape is drawn at (1 if it holds nothing). */
function faintestHeld(editor: Editor, id: TLShapeId): number {
  let faintest = 1;
  const stack: Array<[TLShapeId, number]> = [[id, 1]];
  const seen = new Set<TLShapeId>([id]);
  while (stack.length > 0) {
    const [parent, share] = stack.pop()!;
    for (const child of editor.getSortedChildIdsForParent(parent)) {
      if (seen.has(child)) continue;
      seen.add(child);
      const childShare = share * opacityOf(editor.getShape(child));
      faintest = Math.min(faintest, childShare);
      stack.push([child, childShare]);
    }
  }
  return faintest;
}
