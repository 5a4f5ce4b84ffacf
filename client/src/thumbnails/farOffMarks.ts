import type { Box } from '@conjecture/shared';

/** Marks drawn at most: beyond this many far shapes, the marks say no more. */
const MAX_MARKS = 12;
/** A mark's half-length, and its gap from the view's edge, in screen px. */
const MARK_PX = 9;
const EDGE_GAP_PX = 6;

/**
 * A chevron at the edge of the view toward each shape the frame left out (far off the work, see
 * `workFocus`), pointing where it lies: the view shows the work legibly and still says that something is
 * out there. Sized for the screen (`pxPerUnit`); a far shape the view happens to show is not marked.
 */
export function farOffMarkup(
  farOff: ReadonlyArray<{ x: number; y: number }>,
  view: Box | null,
  pxPerUnit: number,
): string {
  if (!view || farOff.length === 0 || !(pxPerUnit > 0)) return '';
  const size = MARK_PX / pxPerUnit;
  const inset = size + EDGE_GAP_PX / pxPerUnit;
  const [cx, cy] = [view.x + view.w / 2, view.y + view.h / 2];
  const [reachX, reachY] = [Math.max(0, view.w / 2 - inset), Math.max(0, view.h / 2 - inset)];
  const marks: string[] = [];
  for (const p of farOff) {
    if (marks.length === MAX_MARKS) break;
    const [dx, dy] = [p.x - cx, p.y - cy];
    if (Math.abs(dx) <= view.w / 2 && Math.abs(dy) <= view.h / 2) continue;
    const t = Math.min(
      dx === 0 ? Infinity : reachX / Math.abs(dx),
      dy === 0 ? Infinity : reachY / Math.abs(dy),
    );
    const [x, y] = [cx + dx * t, cy + dy * t];
    const degrees = (Math.atan2(dy, dx) * 180) / Math.PI;
    marks.push(
      `<g data-testid="far-off-mark" role="img" aria-label="A shape far off this view" transform="translate(${round(x)} ${round(y)}) rotate(${round(degrees)})">` +
        `<path d="M ${round(-size)} ${round(-size * 0.8)} L ${round(size)} 0 L ${round(-size)} ${round(size * 0.8)} Z" fill="#4465e9" stroke="#fff" stroke-width="${round(size / 5)}"/></g>`,
    );
  }
  return marks.join('');
}

const round = (n: number) => Math.round(n * 100) / 100;
