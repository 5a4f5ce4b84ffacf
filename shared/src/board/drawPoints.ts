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

/** tldraw's delta encoding (`b64Vecs`): the first point's bytes, then each next point's, per `dim`. */
const POINT_BYTES = { 2: { first: 8, next: 4 }, 3: { first: 12, next: 6 } } as const;

interface Segment {
  type?: unknown;
  path?: unknown;
  dim?: unknown;
}

/**
 * Whether a drawing's (draw, highlight) strokes written as `after` carry on those of `before` (each a
 * `segments` array): every segment as it was but the last, and the last one's points but its last point kept,
 * more may follow. That is all tldraw writes to a drawing's strokes: its draw tool re-encodes the segment being
 * drawn with a point added (or its last point moved, or a straight segment's end), and a shift-click adds a
 * segment; a resize or a flip writes `scaleX`/`scaleY`, and the eraser deletes the whole shape. Strokes not
 * carried on were replaced — cut down, or someone else's drawing under the same id. Compares the encoded
 * paths and decodes nothing (a drawing being drawn is written at every pointer move): a point is a fixed
 * number of bytes after the first, so the kept points are a prefix of the path, compared up to the last
 * whole base64 group (at most two bytes of the last kept point's delta go unread).
 */
export function strokesExtended(before: unknown, after: unknown): boolean {
  if (!Array.isArray(before) || before.length === 0) return true;
  if (!Array.isArray(after) || after.length < before.length) return false;
  const last = before.length - 1;
  for (let i = 0; i < last; i++) {
    const [was, now] = [before[i] as Segment, after[i] as Segment];
    if (was?.type !== now?.type || was?.dim !== now?.dim || was?.path !== now?.path) return false;
  }
  const [was, now] = [before[last] as Segment, after[last] as Segment];
  if (was?.type !== now?.type || was?.dim !== now?.dim) return false;
  if (typeof was?.path !== 'string' || typeof now?.path !== 'string') return was?.path === now?.path;
  const chars = keptPrefixChars(was.path, was.dim === 2 ? 2 : 3);
  return now.path.startsWith(was.path.substring(0, chars));
}

/** How many base64 characters of `path` hold whole bytes of its points but the last. */
function keptPrefixChars(path: string, dim: 2 | 3): number {
  const { first, next } = POINT_BYTES[dim];
  const padding = path.endsWith('==') ? 2 : path.endsWith('=') ? 1 : 0;
  const bytes = Math.floor(((path.length - padding) * 3) / 4); // padded or not
  const points = bytes < first ? 0 : Math.floor((bytes - first) / next) + 1;
  if (points < 2) return 0; // a dot: the draw tool may still move its one point
  const keptBytes = first + next * (points - 2);
  return Math.floor(keptBytes / 3) * 4;
}
