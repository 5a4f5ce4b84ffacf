// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MisconceptionsEditor } from './MisconceptionsEditor.js';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | null = null;
afterEach(() => {
  act(() => root?.unmount());
  root = null;
  document.body.innerHTML = '';
});

describe('the misconceptions editor', () => {
  it('names a remove button with the misconception’s name isolated, so a right-to-left name cannot reorder it', () => {
    // a name in a right-to-left language, pasted with an override (the bank's schema strips it only on save)
    const misconceptions = [{ name: ' חיבור \u202eבמקום כפל ', description: '', nextStep: '' }];
    const host = document.body.appendChild(document.createElement('div'));
    root = createRoot(host);
    act(() => root!.render(<MisconceptionsEditor base="d" misconceptions={misconceptions} edit={vi.fn()} />));
    const remove = host.querySelector('button[aria-label^="Remove misconception"]');
    expect(remove?.getAttribute('aria-label')).toBe('Remove misconception 1 (\u2068חיבור במקום כפל\u2069)');
  });
});
