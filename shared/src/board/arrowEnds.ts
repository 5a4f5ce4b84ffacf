/** A shape's box on the page (rotation ignored). */
export interface PageBox {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** One end of an arrow bound to a shape: the shape's page box and the binding's props. */
export interface ArrowBinding {
  target: PageBox;
  props: Record<string, unknown>;
}

const num = (value: unknown, fallback: number) =>
  typeof value === 'number' && Number.isFinite(value) ? value : fallback;

/**
 * Where a bound arrow's end lands on the page, as tldraw places it: a precise binding at its anchor in the
 * target (`normalizedAnchor`, 0–1 of the box); otherwise aimed at the target's centre and stopped at its
 * edge, coming from `from` (the arrow's other end). Pure.
 */
export function arrowEnd(binding: ArrowBinding, from: { x: number; y: number }) {
  const { target, props } = binding;
  const anchor = (props.normalizedAnchor ?? {}) as { x?: unknown; y?: unknown };
  const precise = props.isPrecise === true;
  const aim = {
    x: target.x + target.w * (precise ? num(anchor.x, 0.5) : 0.5),
    y: target.y + target.h * (precise ? num(anchor.y, 0.5) : 0.5),
  };
  if (props.isExact === true || precise) return aim;
  return edgeToward(target, aim, from);
}

/** The point where the segment from `from` to `centre` (inside `box`) crosses the box's edge. */
function edgeToward(box: PageBox, centre: { x: number; y: number }, from: { x: number; y: number }) {
  const dx = from.x - centre.x;
  const dy = from.y - centre.y;
  if (dx === 0 && dy === 0) return centre;
  // The largest step along (dx, dy) that stays in the box: the smaller of the two half-extents' ratios.
  const tx = dx === 0 ? Infinity : box.w / 2 / Math.abs(dx);
  const ty = dy === 0 ? Infinity : box.h / 2 / Math.abs(dy);
  const t = Math.min(tx, ty, 1);
  return { x: centre.x + dx * t, y: centre.y + dy * t };
}
