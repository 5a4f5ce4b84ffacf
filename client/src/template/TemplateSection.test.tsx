// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanUp, render } from '../test/render.js';
import { TemplateSection } from './TemplateSection.js';

// The template canvas is a tldraw editor: what matters here is only that its Close button closes it.
vi.mock('./TemplateEditor.js', () => ({
  TemplateEditor: ({ onClose }: { onClose: () => void }) => (
    <div data-testid="template-editor">
      <button onClick={onClose}>Close</button>
    </div>
  ),
}));

afterEach(cleanUp);

const buttonNamed = (host: HTMLElement, name: string) =>
  [...host.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);

describe('the task template section', () => {
  it('gives the focus back to “Edit the task template” when the editor closes, not to the page’s body', async () => {
    const host = await render(
      <TemplateSection classId="c1" taskPrompt="Better deals" licenseKey={null} maxAssetBytes={null} />,
    );
    const open = buttonNamed(host, 'Edit the task template')!;
    await act(async () => open.click());
    await vi.waitFor(() => expect(buttonNamed(host, 'Close')).toBeDefined());
    const close = buttonNamed(host, 'Close')!;
    close.focus();
    await act(async () => close.click());
    expect(host.querySelector('[data-testid="template-editor"]')).toBeNull();
    expect(document.activeElement).toBe(open);
  });
});
