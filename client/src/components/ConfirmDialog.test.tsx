// @vitest-environment happy-dom
import { act, useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConfirmDialog } from './ConfirmDialog.js';
import { cleanUp, render } from '../test/render.js';

afterEach(cleanUp);

const button = (name: string) =>
  [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);

/** A row with "Delete row" asking first, and a control after it; `removes` says when the row goes. */
function Row({ removes }: { removes: 'never' | 'on confirm' | 'later' }) {
  const [asking, setAsking] = useState(false);
  const [gone, setGone] = useState(false);
  const [pending, setPending] = useState(false);
  return (
    <>
      {!gone && <button onClick={() => setAsking(true)}>Delete row</button>}
      <button>Next row</button>
      {pending && <button onClick={() => setGone(true)}>Server answers</button>}
      {asking && (
        <ConfirmDialog
          title="Delete the row?"
          confirmLabel="Delete"
          onCancel={() => setAsking(false)}
          onConfirm={() => {
            setAsking(false);
            if (removes === 'on confirm') setGone(true);
            if (removes === 'later') setPending(true);
          }}
        />
      )}
    </>
  );
}

async function openFrom(removes: 'never' | 'on confirm' | 'later' = 'never') {
  await render(<Row removes={removes} />);
  const opener = button('Delete row')!;
  opener.focus();
  await act(async () => opener.click());
  expect(document.querySelector('[role="dialog"]')).not.toBeNull();
  return opener;
}

const focusedText = () => document.activeElement?.textContent?.trim();

// Radix returns the focus to a Dialog.Trigger, and ours open from state: it fell on the page's body, where
// Tab starts again from the top of the page.
describe('a confirmation, closed, gives the focus back', () => {
  it('to its opener after Cancel', async () => {
    await openFrom();
    await act(async () => button('Cancel')!.click());
    await vi.waitFor(() => expect(focusedText()).toBe('Delete row'));
  });

  it('to its opener after Escape', async () => {
    await openFrom();
    const escape = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true });
    await act(async () => void document.activeElement!.dispatchEvent(escape));
    expect(document.querySelector('[role="dialog"]')).toBeNull();
    await vi.waitFor(() => expect(focusedText()).toBe('Delete row'));
  });

  it('to its opener after the action, when the opener stays', async () => {
    await openFrom();
    await act(async () => button('Delete')!.click());
    await vi.waitFor(() => expect(focusedText()).toBe('Delete row'));
  });

  it('to the next control when the action took the opener away', async () => {
    await openFrom('on confirm');
    await act(async () => button('Delete')!.click());
    await vi.waitFor(() => expect(focusedText()).toBe('Next row'));
  });

  it('to the next control when the opener goes only when the server answers', async () => {
    await openFrom('later');
    await act(async () => button('Delete')!.click());
    await vi.waitFor(() => expect(focusedText()).toBe('Delete row'));
    await act(async () => button('Server answers')!.click());
    await vi.waitFor(() => expect(focusedText()).toBe('Next row'));
  });
});
