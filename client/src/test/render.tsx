import { act, type ReactElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | null = null;

/** Renders into a fresh element of the document (happy-dom); `cleanUp` after each test unmounts it. */
export async function render(element: ReactElement): Promise<HTMLElement> {
  const host = document.body.appendChild(document.createElement('div'));
  root = createRoot(host);
  await act(async () => root!.render(element));
  return host;
}

/** Renders `element` in place of the last one `render` drew, as a parent's new props would. */
export async function rerender(element: ReactElement): Promise<void> {
  await act(async () => root!.render(element));
}

export function cleanUp(): void {
  act(() => root?.unmount());
  root = null;
  document.body.innerHTML = '';
}

/** The text of the label that names a control (`<label for>`), as a person reads it. */
export function labelOf(control: Element): string {
  const label = control.ownerDocument.querySelector(`label[for="${control.id}"]`);
  return label?.textContent?.trim() ?? '';
}
