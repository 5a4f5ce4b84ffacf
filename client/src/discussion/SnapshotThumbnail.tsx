import { useLayoutEffect, useMemo, useRef } from 'react';
import type { Box, FitOptions, Snapshot } from '@conjecture/shared';
import { BoardThumbnail, type ThumbnailRecord } from '../thumbnails/boardThumbnail.js';
import { SvgPatcher } from '../thumbnails/svgPatcher.js';
import { farOffMarkup } from '../thumbnails/farOffMarks.js';
import {
  cameraOf,
  frameViewBox,
  moreBeyond,
  NOTHING_BEYOND,
  viewBoxAttribute,
  type MoreBeyond,
} from '../thumbnails/viewFrame.js';
import '../thumbnails/boardFonts.css';

interface SnapshotThumbnailProps {
  snapshot: Snapshot;
  label: string;
  fit: FitOptions;
  /** Called after every drawing and re-framing (where its items now are on screen changed). */
  onLayout?: () => void;
  /** Called with the work's bounds once drawn (null for no work): what the step screen arranges its cells by. */
  onContentBounds?: (bounds: Box | null) => void;
  /** Called after every framing: where the work goes on beyond the view (held readable by `fit`). */
  onMoreBeyond?: (more: MoreBeyond) => void;
}

/**
 * A snapshot drawn as SVG from its records by the renderer of the dashboard's live thumbnails
 * (`BoardThumbnail`) and framed as the editor framed it — no tldraw editor: the gallery's cards and the
 * presented steps (the projector, and every following student's screen). A lesson's gallery holds a
 * snapshot or more of every group; a read-only editor each made the Strategies tab the heaviest of the
 * teacher's screens (`pnpm bench:gallery`). Snapshots never change: drawn once, re-framed when the view's
 * size changes. Each item is a `g[data-shape-id]`, so where it is drawn can be measured on screen. Like the
 * live cards, it frames the work and marks the way to a shape flung far off it (`farOffMarks.ts`).
 */
export function SnapshotThumbnail({
  snapshot,
  label,
  fit,
  onLayout,
  onContentBounds,
  onMoreBeyond,
}: SnapshotThumbnailProps) {
  const frame = useRef<HTMLDivElement>(null);
  const drawing = useRef<HTMLDivElement>(null);
  const laidOut = useRef({ onLayout, onMoreBeyond });
  laidOut.current = { onLayout, onMoreBeyond };
  const reportBounds = useRef(onContentBounds);
  reportBounds.current = onContentBounds;
  const parts = useMemo(
    () => new BoardThumbnail(snapshot.records as unknown as ThumbnailRecord[]).parts(),
    [snapshot],
  );

  useLayoutEffect(() => {
    const box = frame.current;
    const host = drawing.current;
    if (!box || !host) return;
    const patcher = new SvgPatcher(host);
    const draw = () => {
      const view = frameViewBox(parts.bounds, { w: box.clientWidth, h: box.clientHeight }, fit);
      // Framed around the work, as the live card is: a mark at the edge toward each shape left far off it.
      const marks = view ? farOffMarkup(parts.farOff, view, cameraOf(view, box.clientWidth).z) : '';
      patcher.render(parts, marks, view ? viewBoxAttribute(view) : parts.viewBox);
      laidOut.current.onMoreBeyond?.(view && parts.bounds ? moreBeyond(parts.bounds, view) : NOTHING_BEYOND);
      laidOut.current.onLayout?.();
    };
    reportBounds.current?.(parts.bounds);
    draw();
    const observer = new ResizeObserver(draw);
    observer.observe(box);
    return () => {
      observer.disconnect();
      host.replaceChildren();
    };
  }, [parts, fit]);

  return (
    <div
      ref={frame}
      className="snapshot-view snapshot-thumbnail"
      data-snapshot-id={snapshot.snapshotId}
      role="img"
      aria-label={label}
    >
      <div ref={drawing} className="snapshot-thumbnail__drawing" />
    </div>
  );
}
