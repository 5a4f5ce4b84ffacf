// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanUp, render } from '../test/render.js';
import { MisconceptionsEditor } from './MisconceptionsEditor.js';

afterEach(cleanUp);

describe('the misconceptions editor', () => {
  it('names a remove button with the misconception’s name isolated, so a right-to-left name cannot reorder it', async () => {
    // a name in a right-to-left language, pasted with an override (the bank's schema strips it only on save)
    const misconceptions = [{ name: ' חיבור \u202eבמקום כפל ', description: '', nextStep: '' }];
    const host = await render(
      <MisconceptionsEditor base="d" misconceptions={misconceptions} edit={vi.fn()} />,
    );
    const remove = host.querySelector('button[aria-label^="Remove misconception"]');
    expect(remove?.getAttribute('aria-label')).toBe('Remove misconception 1 (\u2068חיבור במקום כפל\u2069)');
  });
});
