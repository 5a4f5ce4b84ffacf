import { b64Vecs } from '@tldraw/tlschema';
import type { Point } from './placement.js';

/**
 * The strokes of a draw, highlight or line-like shape's `segments`, in shape coordinates: tldraw stores each
 * segment's points delta-encoded in base64 (`path`, with `dim` 2 or 3). A segment that cannot be decoded
 * (written by a newer tldraw) is skipped rather than thrown on: callers draw previews, not the record.
 */
export function segmentPoints(props: unknown): Point[][] {
  const segments = (props as { segments?: unknown } | null)?.segments;
  if (!Array.isArray(segments)) return [];
  const strokes: Point[][] = [];
  for (const segment of segments as Array<{ path?: unknown; dim?: unknown }>) {
    if (typeof segment?.path !== 'string') continue;
    try {
      const dim = segment.dim === 2 || segment.dim === 3 ? segment.dim : undefined;
      strokes.push(b64Vecs.decodePoints(segment.path, dim).map(({ x, y }) => ({ x, y })));
    } catch {
      // an encoding this build does not know
    }
  }
  return strokes;
}

const pathChars = (props: unknown): number => {
  const segments = (props as { segments?: unknown } | null)?.segments;
  if (!Array.isArray(segments)) return 0;
  let chars = 0;
  for (const segment of segments as Array<{ path?: unknown }>)
    if (typeof segment?.path === 'string') chars += segment.path.length;
  return chars;
};

const pointCount = (props: unknown): number =>
  segmentPoints(props).reduce((n, stroke) => n + stroke.length, 0);

/**
 * Whether rewriting a freehand stroke's `segments` takes the drawing away: fewer than half of its points
 * left. tldraw only ever lengthens a stroke (the eraser deletes the whole shape), so a drawing cut to a dot
 * is a script's doing, and no classmate's undo brings it back. Points are decoded only when the stored
 * path got shorter: a stroke being drawn grows and costs nothing here.
 */
export function strokeTakenAway(before: unknown, after: unknown): boolean {
  const [old, now] = [(before as { props?: unknown })?.props, (after as { props?: unknown })?.props];
  if (pathChars(now) >= pathChars(old)) return false;
  return pointCount(now) * 2 < pointCount(old);
}
