// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanUp, labelOf, render } from '../test/render.js';
import { FollowControl } from './FollowControl.js';

// the class's follow state is never read here: the control offers to bring everyone
vi.mock('./discussionApi.js', () => ({ getFollow: () => new Promise(() => {}), setFollow: vi.fn() }));

afterEach(cleanUp);

describe('“Bring everyone to me”', () => {
  it('says in a visible label what its menu chooses, not only to a screen reader', async () => {
    const host = await render(<FollowControl classId="c1" socket={null} snapshots={[]} />);
    const menu = host.querySelector('select');
    // the menu's first choice, “What the projector shows”, stood alone beside the button: show it where?
    expect(labelOf(menu!)).toBe('Show on every student’s screen');
  });
});
