import { useCallback, useLayoutEffect, useState } from 'react';
import type { BoardId, Box, FitOptions } from '@conjecture/shared';
import { arrangeBoards, sameArrangement, type Arrangement, type Size } from './boardArrangement.js';

const windowSize = (): Size => ({ w: window.innerWidth, h: window.innerHeight });

/**
 * The size of the element the boards are drawn in, measured again as it changes (`null` until it mounts).
 * Not the window's: while the class is paused the band takes the foot of the screen, and a grid chosen for the
 * whole window stacked two wide boards that fit larger side by side in the shorter space left.
 */
function useDrawnArea(element: HTMLElement | null): Size {
  const [area, setArea] = useState(windowSize);
  useLayoutEffect(() => {
    if (!element) return;
    const measure = () =>
      setArea((was) => {
        const now = { w: element.clientWidth, h: element.clientHeight };
        return was.w === now.w && was.h === now.h ? was : now;
      });
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [element]);
  return area;
}

/**
 * The projector's grid for `boardIds` (`arrangeBoards`), re-chosen as the boards' work and the area they are
 * drawn in change. `gridRef` goes on the element the boards are drawn in (the grid); `onContentBounds(boardId)`
 * is what each board's view calls with its work's bounds (null when empty).
 */
export function useBoardArrangement(boardIds: readonly BoardId[], fit: FitOptions, gapPx: number) {
  const [grid, gridRef] = useState<HTMLElement | null>(null);
  const area = useDrawnArea(grid);
  const [contents, setContents] = useState<ReadonlyMap<BoardId, Size | null>>(new Map());
  const [current, setCurrent] = useState<Arrangement | null>(null);

  const onContentBounds = useCallback(
    (boardId: BoardId) => (bounds: Box | null) =>
      setContents((known) => {
        const was = known.get(boardId);
        const size = bounds ? { w: bounds.w, h: bounds.h } : null;
        if (was === size || (was && size && was.w === size.w && was.h === size.h)) return known;
        return new Map(known).set(boardId, size);
      }),
    [],
  );

  const sizes = boardIds.map((id) => contents.get(id) ?? null);
  const arrangement = arrangeBoards(sizes, area, fit, gapPx, current);
  // The grid chosen last is the one to keep within the margin: remembered as state derived during render.
  if (!sameArrangement(arrangement, current)) setCurrent(arrangement);
  return { arrangement, onContentBounds, gridRef };
}
