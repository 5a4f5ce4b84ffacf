// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { IconButton } from './IconButton.js';
import { TrashIcon } from './icons.js';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | null = null;
afterEach(() => {
  act(() => root?.unmount());
  root = null;
  document.body.innerHTML = '';
});

describe('an icon-only button', () => {
  it('names itself in our tooltip on focus, never in the browser’s grey title bubble', async () => {
    const host = document.body.appendChild(document.createElement('div'));
    root = createRoot(host);
    await act(async () => root!.render(<IconButton label="Remove step 2" icon={<TrashIcon />} />));
    const button = host.querySelector('button')!;
    expect(button.getAttribute('aria-label')).toBe('Remove step 2');
    expect(button.hasAttribute('title')).toBe(false);
    await act(async () => button.focus());
    const tooltip = document.querySelector('[role="tooltip"]');
    expect(tooltip?.textContent).toBe('Remove step 2');
  });
});
