// @vitest-environment happy-dom
import { act, useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { FollowView } from '@conjecture/shared';
import { cleanUp, render } from '../test/render.js';
import { FollowingTeacher } from './FollowingTeacher.js';

afterEach(cleanUp);

const STEP: NonNullable<FollowView['shown']> = {
  caption: 'Step 1 of 2',
  question: 'What is the same?',
  snapshots: [],
  links: [],
  boards: [],
};

/** A student's page: her board's control underneath, and the teacher's view over it while it is shown. */
let setShown: (shown: boolean) => void = () => {};
function StudentScreen() {
  const [shown, set] = useState(false);
  setShown = set;
  return (
    <>
      <button type="button">On my board</button>
      {shown && (
        <FollowingTeacher
          shown={STEP}
          licenseKey={null}
          actions={<button type="button">Raise my hand</button>}
          live={{
            connection: { userId: 's1', yjsParams: {}, socketAuth: null, localCopy: false },
            resolveName: Object.assign(() => 'Ada', { subscribe: () => () => {} }) as never,
          }}
        />
      )}
    </>
  );
}

describe('following the teacher', () => {
  it('takes the focus while shown and gives it back to where the student was when the teacher lets go', async () => {
    const host = await render(<StudentScreen />);
    const board = host.querySelector('button')!;
    board.focus();
    await act(async () => setShown(true));
    expect(document.activeElement?.getAttribute('data-testid')).toBe('following-teacher');
    await act(async () => setShown(false));
    // Not the page's body, where Tab starts again from the top and the board's shortcuts do nothing.
    expect(document.activeElement).toBe(board);
  });

  it('holds the keyboard while shown: the page under it is inert, so Tab cannot reach the board', async () => {
    const host = await render(<StudentScreen />);
    const board = host.querySelector('button')!;
    await act(async () => setShown(true));
    const screen = document.querySelector('[data-testid="following-teacher"]')!;
    expect(board.closest('[inert]')).not.toBeNull();
    expect(screen.closest('[inert]')).toBeNull();
    await act(async () => setShown(false));
    expect(board.closest('[inert]')).toBeNull();
  });

  it('keeps her own hand within reach while shown: she may need help most then', async () => {
    await render(<StudentScreen />);
    await act(async () => setShown(true));
    const screen = document.querySelector('[data-testid="following-teacher"]')!;
    const hand = [...screen.querySelectorAll('button')].find((b) => b.textContent === 'Raise my hand');
    expect(hand).toBeDefined();
    expect(hand!.closest('[inert]')).toBeNull();
    // Not in the banner's live region: a status read out again with every press of the button.
    expect(hand!.closest('[role="status"]')).toBeNull();
  });

  it('lays three live boards out as the projector does: the third across the second row, no empty quarter', async () => {
    const boards = ['b1', 'b2', 'b3'].map((boardId, i) => ({
      boardId,
      caption: `Group ${i + 1}`,
      region: null,
    }));
    await render(
      <FollowingTeacher
        shown={{ ...STEP, caption: 'Three groups', boards }}
        licenseKey={null}
        live={{
          connection: { userId: 's1', yjsParams: {}, socketAuth: null, localCopy: false },
          resolveName: Object.assign(() => 'Ada', { subscribe: () => () => {} }) as never,
        }}
      />,
    );
    const grid = document.querySelector<HTMLElement>('.following-teacher__boards')!;
    expect(grid.style.gridTemplateColumns).toBe('repeat(2, 1fr)');
    expect(grid.style.gridTemplateRows).toBe('repeat(2, 1fr)');
    const cells = [...grid.querySelectorAll<HTMLElement>('.projector-cell')];
    expect(cells.map((c) => c.style.gridColumn)).toEqual(['', '', '1 / -1']);
  });
});
