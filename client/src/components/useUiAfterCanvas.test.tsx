// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import type { Editor } from 'tldraw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useUiAfterCanvas } from './useUiAfterCanvas.js';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const editor = {} as Editor;

/** What `<Tldraw>` would be handed on each render. */
function mountProbe(onMount?: (editor: Editor) => void | (() => void)) {
  const renders: Array<ReturnType<typeof useUiAfterCanvas>> = [];
  function Probe() {
    renders.push(useUiAfterCanvas(onMount));
    return null;
  }
  const root: Root = createRoot(document.createElement('div'));
  act(() => root.render(<Probe />));
  return { renders, root, latest: () => renders[renders.length - 1]! };
}

describe('useUiAfterCanvas', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('renders the canvas without its UI, and the UI in a task after the editor mounts', () => {
    const onMount = vi.fn();
    const probe = mountProbe(onMount);
    expect(probe.latest().hideUi).toBe(true);

    act(() => void probe.latest().onMount(editor));
    expect(onMount).toHaveBeenCalledWith(editor);
    expect(probe.latest().hideUi).toBe(true); // not in the mount's own task

    act(() => vi.runAllTimers());
    expect(probe.latest().hideUi).toBe(false);
    act(() => probe.root.unmount());
  });

  it('runs the caller\u2019s cleanup, and shows no UI for an editor unmounted before its task', () => {
    const cleanup = vi.fn();
    const probe = mountProbe(() => cleanup);
    let unmount: void | (() => void);
    act(() => void (unmount = probe.latest().onMount(editor)));
    act(() => (unmount as () => void)());
    expect(cleanup).toHaveBeenCalledOnce();

    act(() => vi.runAllTimers());
    expect(probe.latest().hideUi).toBe(true);
    act(() => probe.root.unmount());
  });
});
