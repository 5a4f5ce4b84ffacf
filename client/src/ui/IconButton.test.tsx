// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { AA_NON_TEXT_RATIO, contrastRatio } from '@conjecture/shared';
import { cleanUp, render } from '../test/render.js';
import { Button } from './Button.js';
import { IconButton } from './IconButton.js';
import { TrashIcon } from './icons.js';

afterEach(() => {
  cleanUp();
  document.head.innerHTML = '';
});

/** `--color-surface`: where a ghost button sits. */
const SURFACE = '#ffffff';

/** Our stylesheets in the test's document, so the computed style is what a browser draws. */
function withOurStyles(): void {
  for (const sheet of ['./tokens.css', './components.css']) {
    const style = document.head.appendChild(document.createElement('style'));
    style.textContent = readFileSync(new URL(sheet, import.meta.url), 'utf8');
  }
}

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

  it.each(['ghost', 'secondary', 'danger'] as const)(
    'disabled (%s), looks like every other disabled button: grey, not faded, its icon at least 3:1',
    async (variant) => {
      withOurStyles();
      const host = await render(
        <>
          <Button disabled>Send</Button>
          <IconButton label="Remove step 2" icon={<TrashIcon />} variant={variant} disabled />
          <IconButton label="Raise hand" icon={<TrashIcon />} variant={variant} aria-disabled="true" />
        </>,
      );
      const button = getComputedStyle(host.querySelector('.ui-button')!);
      for (const element of host.querySelectorAll('.ui-icon-button')) {
        const icon = getComputedStyle(element);
        expect(icon.opacity || '1').toBe('1'); // unset is empty in happy-dom
        expect(icon.color).toBe(button.color);
        expect(icon.cursor).toBe('not-allowed');
        // a ghost's background is the surface it sits on
        const background = icon.backgroundColor === 'transparent' ? SURFACE : icon.backgroundColor;
        expect(contrastRatio(icon.color, background)).toBeGreaterThanOrEqual(AA_NON_TEXT_RATIO);
      }
    },
  );
});
