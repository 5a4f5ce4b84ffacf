// @vitest-environment happy-dom
import { act, useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Button } from '../ui/Button.js';
import { cleanUp, render } from '../test/render.js';
import { ReplayView } from './ReplayView.js';

afterEach(() => {
  cleanUp();
  vi.unstubAllGlobals();
});

/**
 * A group card's Replay button and the replay it opens over the page, as the dashboard and the coach's page
 * hold them.
 */
function PageWithReplay() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)}>Replay</Button>
      <Button>Download</Button>
      {open && (
        <ReplayView
          classId="c1"
          groupId="g1"
          groupName="Group 1"
          resolveName={(id) => id}
          licenseKey={null}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}

const buttonNamed = (name: string) =>
  [...document.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent === name)!;

describe('the replay over the page', () => {
  // Closed, the replay took the focused button with it: the focus fell on the page's body, and the keyboard
  // started again from the top of the dashboard.
  it('gives the focus back to the button that opened it when the teacher goes back', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => new Promise<Response>(() => {})),
    ); // the lesson still loading
    await render(<PageWithReplay />);
    const opener = buttonNamed('Replay');
    opener.focus();
    await act(async () => opener.click());
    expect(document.activeElement?.textContent).toBe('Replay: Group 1'); // the replay's title
    await act(async () => buttonNamed('Back to the dashboard').click());
    expect(document.querySelector('[data-testid="replay"]')).toBeNull();
    expect(document.activeElement).toBe(opener);
  });

  // The replay covers the page but was not modal: Tab past its last control went on, unseen, through the
  // dashboard behind it, and Escape did nothing.
  it('keeps the keyboard in the replay while it is open, and closes on Escape', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => new Promise<Response>(() => {})),
    );
    await render(<PageWithReplay />);
    const opener = buttonNamed('Replay');
    opener.focus();
    await act(async () => opener.click());
    const replay = document.querySelector<HTMLElement>('[data-testid="replay"]')!;
    expect(opener.closest('[inert]')).not.toBeNull();
    expect(buttonNamed('Download').closest('[inert]')).not.toBeNull();
    expect(replay.closest('[inert]')).toBeNull();
    await act(async () => {
      document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    expect(document.querySelector('[data-testid="replay"]')).toBeNull();
    expect(document.querySelector('[inert]')).toBeNull();
    expect(document.activeElement).toBe(opener);
  });
});
