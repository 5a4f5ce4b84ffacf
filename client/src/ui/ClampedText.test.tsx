// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanUp, render } from '../test/render.js';
import { ClampedText } from './ClampedText.js';

afterEach(() => {
  cleanUp();
  vi.restoreAllMocks();
});

/** happy-dom lays nothing out: the paragraph's content height is given as what a browser would measure. */
async function renderText(contentHeight: number) {
  vi.spyOn(HTMLElement.prototype, 'scrollHeight', 'get').mockReturnValue(contentHeight);
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(40);
  const host = await render(
    <ClampedText text="Which is the better deal, and how do you know?" testId="task" />,
  );
  return {
    paragraph: host.querySelector<HTMLParagraphElement>('[data-testid="task"]')!,
    button: () => host.querySelector('button'),
  };
}

describe('text kept to two lines', () => {
  it('offers nothing when all of it fits', async () => {
    const { button } = await renderText(40);
    expect(button()).toBeNull();
  });

  it('offers "Show all" where the lines hide some of it, and "Show less" once it is all shown', async () => {
    const { paragraph, button } = await renderText(120);
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
