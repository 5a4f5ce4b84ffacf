import { useLayoutEffect, useMemo, useRef } from 'react';
import type { FitOptions, Snapshot } from '@conjecture/shared';
import { BoardThumbnail, type ThumbnailRecord } from '../thumbnails/boardThumbnail.js';
import { SvgPatcher } from '../thumbnails/svgPatcher.js';
import { frameViewBox, viewBoxAttribute } from '../thumbnails/viewFrame.js';
import '../thumbnails/boardFonts.css';

interface SnapshotThumbnailProps {
  snapshot: Snapshot;
  label: string;
  fit: FitOptions;
}

/**
 * A snapshot in the gallery, drawn as SVG from its records by the renderer of the dashboard's live
 * thumbnails (`BoardThumbnail`) and framed as the editor framed it — no tldraw editor. A lesson's gallery
 * holds a snapshot or more of every group; a read-only editor each made the Strategies tab the heaviest of
 * the teacher's screens (`pnpm bench:gallery`). Snapshots never change: drawn once,
 * re-framed when the card's size changes.
 */
export function SnapshotThumbnail({ snapshot, label, fit }: SnapshotThumbnailProps) {
  const frame = useRef<HTMLDivElement>(null);
  const drawing = useRef<HTMLDivElement>(null);
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
      patcher.render(parts, '', view ? viewBoxAttribute(view) : parts.viewBox);
    };
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
