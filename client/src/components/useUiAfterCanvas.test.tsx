// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import type { Editor } from 'tldraw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useUiAfterCanvas } from './useUiAfterCanvas.js';
import { whenUiShown } from '../sync/editorUiGate.js';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const editor = {} as Editor;
const newEditor = () => ({}) as Editor;

/** Whether `promise` has settled, after the microtasks already queued. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(() => (done = true));
  await Promise.resolve();
  await Promise.resolve();
  return done;
}

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

  it('tells whoever waits for the UI (a progressive load) once it is committed, not before', async () => {
    const probe = mountProbe();
    const mine = newEditor();
    act(() => void probe.latest().onMount(mine));
    const shown = whenUiShown(mine);
    expect(await settled(shown)).toBe(false);
    act(() => vi.runAllTimers());
    expect(probe.latest().hideUi).toBe(false);
    expect(await settled(shown)).toBe(true);
    // a later editor on the same canvas (a new store) finds the UI there: its load does not wait
    const next = newEditor();
    act(() => void probe.latest().onMount(next));
    expect(await settled(whenUiShown(next))).toBe(true);
    act(() => probe.root.unmount());
  });

  it('lets the wait go on when the editor goes before its UI, and never holds an editor it does not defer', async () => {
    const probe = mountProbe();
    const mine = newEditor();
    let unmount: void | (() => void);
    act(() => void (unmount = probe.latest().onMount(mine)));
    const shown = whenUiShown(mine);
    act(() => (unmount as () => void)());
    expect(await settled(shown)).toBe(true);
    expect(await settled(whenUiShown(newEditor()))).toBe(true);
    act(() => probe.root.unmount());
  });
});
