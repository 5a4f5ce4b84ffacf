import { useCallback, useEffect, useState } from 'react';
import type { BoardId, Box, FitOptions } from '@conjecture/shared';
import { arrangeBoards, sameArrangement, type Arrangement, type Size } from './boardArrangement.js';

const windowSize = (): Size => ({ w: window.innerWidth, h: window.innerHeight });

/**
 * The projector's grid for `boardIds` (`arrangeBoards`), re-chosen as the boards' work and the window change.
 * `onContentBounds(boardId)` is what each board's view calls with its work's bounds (null when empty).
 */
export function useBoardArrangement(boardIds: readonly BoardId[], fit: FitOptions, gapPx: number) {
  const [screen, setScreen] = useState(windowSize);
  const [contents, setContents] = useState<ReadonlyMap<BoardId, Size | null>>(new Map());
  const [current, setCurrent] = useState<Arrangement | null>(null);

  useEffect(() => {
    const onResize = () => setScreen(windowSize());
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);

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
  const arrangement = arrangeBoards(sizes, screen, fit, gapPx, current);
  // The grid chosen last is the one to keep within the margin: remembered as state derived during render.
  if (!sameArrangement(arrangement, current)) setCurrent(arrangement);
  return { arrangement, onContentBounds };
}
