// @vitest-environment happy-dom
import { useLayoutEffect } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { BoardId } from '@conjecture/shared';
import { cleanUp, render } from '../test/render.js';
import { BOARD_FIT, BOARD_GAP_PX } from './projectorFit.js';
import { useBoardArrangement } from './useBoardArrangement.js';

const BOARDS = ['board-a', 'board-b'] as BoardId[];
/** Two wide boards of work: stacked on a tall screen, side by side on a short one. */
const WIDE = { x: 0, y: 0, w: 600, h: 250 };

/** A projector grid `area` in size, whatever the window's, showing two wide boards. */
function Grid({ area }: { area: { w: number; h: number } }) {
  const { arrangement, onContentBounds, gridRef } = useBoardArrangement(BOARDS, BOARD_FIT, BOARD_GAP_PX);
  useLayoutEffect(() => BOARDS.forEach((id) => onContentBounds(id)(WIDE)), [onContentBounds]);
  const sized = (element: HTMLElement | null) => {
    if (element) {
      Object.defineProperty(element, 'clientWidth', { value: area.w });
      Object.defineProperty(element, 'clientHeight', { value: area.h });
    }
    gridRef(element);
  };
  return <div ref={sized} data-testid="grid" data-columns={arrangement.columns} />;
}

describe('useBoardArrangement', () => {
  afterEach(cleanUp);

  it('arranges the boards for the area they are drawn in, not the window (the pause band takes the foot)', async () => {
    expect(window.innerHeight).toBeGreaterThan(700); // happy-dom's window: the wide boards stacked
    const host = await render(<Grid area={{ w: 1280, h: 400 }} />);
    expect(host.querySelector('[data-testid="grid"]')?.getAttribute('data-columns')).toBe('2');
  });
});
