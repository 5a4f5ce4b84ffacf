// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ClampedText } from './ClampedText.js';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | null = null;
afterEach(() => {
  act(() => root?.unmount());
  root = null;
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

/** happy-dom lays nothing out: the paragraph's content height is given as what a browser would measure. */
function render(contentHeight: number) {
  vi.spyOn(HTMLElement.prototype, 'scrollHeight', 'get').mockReturnValue(contentHeight);
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(40);
  const host = document.body.appendChild(document.createElement('div'));
  root = createRoot(host);
  act(() =>
    root!.render(<ClampedText text="Which is the better deal, and how do you know?" testId="task" />),
  );
  return {
    paragraph: host.querySelector<HTMLParagraphElement>('[data-testid="task"]')!,
    button: () => host.querySelector('button'),
  };
}

describe('text kept to two lines', () => {
  it('offers nothing when all of it fits', () => {
    const { button } = render(40);
    expect(button()).toBeNull();
  });

  it('offers "Show all" where the lines hide some of it, and "Show less" once it is all shown', () => {
    const { paragraph, button } = render(120);
    expect(button()?.textContent).toBe('Show all');
    expect(button()?.getAttribute('aria-controls')).toBe(paragraph.id);
    act(() => button()!.click());
    expect(paragraph.hasAttribute('data-expanded')).toBe(true);
    expect(button()?.textContent).toBe('Show less');
    expect(button()?.getAttribute('aria-expanded')).toBe('true');
    act(() => button()!.click());
    expect(paragraph.hasAttribute('data-expanded')).toBe(false);
    expect(button()?.textContent).toBe('Show all');
  });
});
