// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchBodyObservers } from '../test/bodyObservers.js';
import { rememberFocus } from './focusReturn.js';

/** A page of three buttons and a dialog opened from the first; the dialog closed, the focus back on it. */
function openAndClose() {
  document.body.innerHTML = `
    <button id="opener">Remove Ada</button><button id="next">Remove Bruno</button><button>Other</button>
    <div role="dialog"><button>Remove</button></div>`;
  const opener = document.getElementById('opener')!;
  const dialog = document.querySelector<HTMLElement>('[role="dialog"]')!;
  opener.focus();
  const focusReturn = rememberFocus(dialog);
  dialog.querySelector('button')!.focus();
  dialog.remove();
  (document.activeElement as HTMLElement | null)?.blur();
  focusReturn.restore();
  return { opener, dialog, focusReturn };
}

let watching = new Set<MutationObserver>();
beforeEach(() => {
  watching = watchBodyObservers();
});
afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

// The watch on the page's body was disconnected only by a change under it after the focus had moved: a page
// closed, or a dialog opened again, left it observing the whole page.
describe('the focus following a dialog’s opener', () => {
  it('follows the opener to the next control when the answer disables it, then stops', async () => {
    const { opener } = openAndClose();
    expect(document.activeElement).toBe(opener);
    expect(watching.size).toBe(1);
    opener.setAttribute('disabled', '');
    await vi.waitFor(() => expect(document.activeElement?.id).toBe('next'));
    expect(watching.size).toBe(0);
  });

  it('stops when a dialog opens again', () => {
    const { opener } = openAndClose();
    expect(watching.size).toBe(1);
    const again = document.body.appendChild(document.createElement('div'));
    opener.focus();
    rememberFocus(again);
    expect(watching.size).toBe(0);
  });

  it('stops the first time the focus moves elsewhere', () => {
    openAndClose();
    expect(watching.size).toBe(1);
    document.getElementById('next')!.focus();
    expect(watching.size).toBe(0);
  });

  it('stops when asked (the dialog unmounts)', () => {
    const { focusReturn } = openAndClose();
    expect(watching.size).toBe(1);
    focusReturn.stop();
    expect(watching.size).toBe(0);
  });
});
