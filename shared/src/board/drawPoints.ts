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
