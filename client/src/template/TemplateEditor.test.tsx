// @vitest-environment happy-dom
import { act, useEffect } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createShapeId, defaultShapeTools, defaultTools, type Editor } from 'tldraw';
import type * as Tldraw from 'tldraw';
import { cleanUp, render } from '../test/render.js';
import { newStore } from '../test/boardHarness.js';
import { headlessEditor } from '../test/headlessEditor.js';
import { expectEscapeClosesOnlyAfterTldraws } from '../test/escapeAfterTldraw.js';
import { TemplateEditor } from './TemplateEditor.js';

// The canvas is a real tldraw editor without its layout (happy-dom draws nothing): `<Tldraw>` hands it over.
let editor: Editor;
vi.mock('tldraw', async (importOriginal) => {
  const tldraw = await importOriginal<typeof Tldraw>();
  function CanvasStub({ onMount }: { onMount: (editor: Editor) => void | (() => void) }) {
    useEffect(() => {
      const unmount = onMount(editor);
      return typeof unmount === 'function' ? unmount : undefined;
    }, [onMount]);
    return <div className="tl-container" tabIndex={0} data-testid="canvas" />;
  }
  return { ...tldraw, Tldraw: CanvasStub };
});
vi.mock('./templateApi.js', () => ({
  getTemplate: vi.fn(async () => ({ records: [] })),
  placeTemplate: vi.fn(async (_classId: string, records: unknown[]) => ({ records: records.length })),
}));

afterEach(() => {
  cleanUp();
  editor.dispose();
});

/** The template editor on an empty template, loaded; `onClose` records whether it asked to close. */
async function openTemplate() {
  editor = headlessEditor(newStore(), [...defaultTools, ...defaultShapeTools]);
  editor.setCurrentTool('select'); // as <Tldraw> starts it
  const onClose = vi.fn();
  const host = await render(
    <TemplateEditor
      classId="c1"
      taskPrompt="Better deals"
      licenseKey={null}
      maxAssetBytes={null}
      onClose={onClose}
    />,
  );
  await vi.waitFor(() => expect(host.querySelector('[role="status"]')).toBeNull()); // loaded
  const canvas = host.querySelector<HTMLElement>('[data-testid="canvas"]')!;
  const pressEscape = async (on: Element = canvas) =>
    act(async () => void on.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
  const button = (name: string) =>
    [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);
  const addRectangle = () => {
    const id = createShapeId();
    editor.createShape({ id, type: 'geo', x: 0, y: 0, props: { w: 100, h: 100 } });
    return id;
  };
  return { onClose, canvas, pressEscape, button, addRectangle };
}

describe('the template editor closes on Escape', () => {
  it('when nothing is in progress on the canvas and nothing is left unplaced', async () => {
    const { onClose, pressEscape } = await openTemplate();
    await pressEscape();
    expect(onClose).toHaveBeenCalledOnce();
  });

  it('only after tldraw’s own Escape: not while a shape is selected, a tool chosen or a shape edited', async () => {
    const { onClose, pressEscape, button, addRectangle } = await openTemplate();
    const rectangle = addRectangle();
    await act(async () => button('Place on all group boards')!.click());
    await vi.waitFor(() => expect(document.querySelector('[data-testid="template-placed"]')).not.toBeNull());

    await expectEscapeClosesOnlyAfterTldraws(editor, rectangle, () => pressEscape(), onClose);
  });

  it('asks before dropping changes not yet placed, by Escape and by Close alike', async () => {
    const { onClose, canvas, pressEscape, button, addRectangle } = await openTemplate();
    addRectangle();
    canvas.focus();
    await pressEscape();
    expect(onClose).not.toHaveBeenCalled();
    const asked = [...document.querySelectorAll('[role="dialog"]')].map((d) => d.textContent).join();
    expect(asked).toContain('Close without placing the template?');
    await act(async () => button('Cancel')!.click());
    expect(button('Close without placing')).toBeUndefined();
    // Radix gives the focus back once the dialog has unmounted, after this click's turn: wait for it.
    await vi.waitFor(() =>
      expect(document.activeElement, 'backing out, the focus is where it was').toBe(canvas),
    );

    await act(async () => button('Close')!.click());
    await act(async () => button('Close without placing')!.click());
    expect(onClose).toHaveBeenCalledOnce();
  });
});
