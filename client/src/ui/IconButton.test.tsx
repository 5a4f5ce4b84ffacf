// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanUp, render } from '../test/render.js';
import { IconButton } from './IconButton.js';
import { TrashIcon } from './icons.js';

afterEach(cleanUp);

describe('an icon-only button', () => {
  it('names itself in our tooltip on focus, never in the browser’s grey title bubble', async () => {
    const host = await render(<IconButton label="Remove step 2" icon={<TrashIcon />} />);
    const button = host.querySelector('button')!;
    expect(button.getAttribute('aria-label')).toBe('Remove step 2');
    expect(button.hasAttribute('title')).toBe(false);
    await act(async () => button.focus());
    const tooltip = document.querySelector('[role="tooltip"]');
    expect(tooltip?.textContent).toBe('Remove step 2');
  });
});
