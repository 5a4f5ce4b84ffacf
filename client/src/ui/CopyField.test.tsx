// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CopyField } from './CopyField.js';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const LINK = 'http://10.0.0.5:3000/project/abc#key=secret';
let root: Root | null = null;
afterEach(() => {
  act(() => root?.unmount());
  root = null;
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

async function renderAndCopy() {
  const host = document.body.appendChild(document.createElement('div'));
  root = createRoot(host);
  act(() => root!.render(<CopyField label="Projector link" value={LINK} />));
  const button = host.querySelector('button')!;
  expect(button.textContent).toBe('Copy Projector link'); // which link, for a screen reader
  await act(async () => button.click());
  return {
    status: host.querySelector('[role="status"]')!.textContent,
    input: host.querySelector('input')!,
  };
}

describe('a link with a Copy button', () => {
  it('copies through the clipboard API where the page may', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    vi.spyOn(navigator, 'clipboard', 'get').mockReturnValue({ writeText } as unknown as Clipboard);
    const { status } = await renderAndCopy();
    expect(writeText).toHaveBeenCalledWith(LINK);
    expect(status).toBe('Copied');
  });

  it('on a plain-http school server, selects the link and says to press Ctrl+C if the browser will not copy', async () => {
    vi.spyOn(navigator, 'clipboard', 'get').mockReturnValue(undefined as unknown as Clipboard);
    document.execCommand = vi.fn(() => false);
    const { status, input } = await renderAndCopy();
    expect(status).toBe('Selected: press Ctrl+C to copy');
    expect([input.selectionStart, input.selectionEnd]).toEqual([0, LINK.length]);
  });
});
