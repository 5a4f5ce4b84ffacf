// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Button } from '../ui/Button.js';
import { cleanUp, render } from '../test/render.js';
import { RestoreMoment } from './RestoreMoment.js';

afterEach(() => {
  cleanUp();
  vi.unstubAllGlobals();
});

/** The server's answer to the restore, held until the test gives it. */
function heldRestore() {
  let answer: (response: Response) => void = () => {};
  const fetch = vi.fn(() => new Promise<Response>((resolve) => (answer = resolve)));
  vi.stubGlobal('fetch', fetch);
  const reply = () =>
    act(async () =>
      answer(
        new Response(JSON.stringify({ restored: 2, removed: 1, kept: 3 }), {
          headers: { 'Content-Type': 'application/json' },
        }),
      ),
    );
  return { fetch, reply };
}

const buttonNamed = (name: string) =>
  [...document.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent?.includes(name));

/** Group 1's replay at `position` of 5 changes. */
const restoreAt = (position: number) => (
  <RestoreMoment
    classId="c1"
    groupId="g1"
    groupName="Group 1"
    position={position}
    end={5}
    at={null}
    onRestored={() => {}}
  />
);

// Disabled while its request was sending, the button lost the focus to the replay's next control.
describe('restoring a moment of the replay', () => {
  it('keeps the focus on "Restore this moment" while it is sending, and ignores its clicks', async () => {
    const { fetch, reply } = heldRestore();
    await render(
      <>
        {restoreAt(2)}
        <Button>Next moment</Button>
      </>,
    );
    const restore = buttonNamed('Restore this moment')!;
    restore.focus();
    await act(async () => restore.click());
    await act(async () => buttonNamed('Restore the board')!.click());
    await vi.waitFor(() => expect(document.querySelector('[role="dialog"]')).toBeNull());

    // The dialog hands the focus back as it closes, not necessarily in the same turn: wait on the fact.
    await vi.waitFor(() => {
      expect(restore.textContent).toContain('Restoring…');
      expect(document.activeElement).toBe(restore);
    });
    expect(restore.getAttribute('aria-disabled')).toBe('true');
    await act(async () => restore.click());
    expect(document.querySelector('[role="dialog"]')).toBeNull();
    expect(fetch).toHaveBeenCalledOnce();

    await reply();
    await vi.waitFor(() => expect(restore.textContent).toContain('Restore this moment'));
    expect(restore.hasAttribute('aria-disabled')).toBe(false);
    await vi.waitFor(() => expect(document.activeElement).toBe(restore));
  });
});

// Greyed at the board as it is now, the button gave no reason.
describe('"Restore this moment" at the last moment', () => {
  it('says why it is greyed, tied to the button', async () => {
    await render(restoreAt(5));
    const restore = buttonNamed('Restore this moment')!;
    expect(restore.disabled).toBe(true);
    const hint = document.getElementById(restore.getAttribute('aria-describedby') ?? '');
    expect(hint?.textContent).toBe(
      'This is the board as it is now: go back to an earlier moment to restore it.',
    );
  });

  it('has no hint at an earlier moment', async () => {
    await render(restoreAt(2));
    const restore = buttonNamed('Restore this moment')!;
    expect(restore.disabled).toBe(false);
    expect(restore.hasAttribute('aria-describedby')).toBe(false);
    expect(document.querySelector('.ui-hint')).toBeNull();
  });
});
