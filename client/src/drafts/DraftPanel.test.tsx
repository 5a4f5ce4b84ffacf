// @vitest-environment happy-dom
import { act, useEffect } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createShapeId, defaultShapeTools, defaultTools, type Editor } from 'tldraw';
import { cleanUp, render } from '../test/render.js';
import { newStore } from '../test/boardHarness.js';
import { headlessEditor } from '../test/headlessEditor.js';
import { expectEscapeClosesOnlyAfterTldraws } from '../test/escapeAfterTldraw.js';
import { DraftPanel } from './DraftPanel.js';

// The draft's canvas is a real tldraw editor without its layout or its sync (happy-dom draws nothing).
let editor: Editor;
vi.mock('./DraftBoard.js', () => ({
  DraftBoard({ onEditor }: { onEditor: (editor: Editor | null) => void }) {
    useEffect(() => onEditor(editor), [onEditor]);
    return <div className="tl-container" tabIndex={0} data-testid="canvas" />;
  },
}));
vi.mock('./draftApi.js', () => ({ openDraftBoard: vi.fn(async () => ({ boardId: 'draft-1' })) }));

afterEach(() => {
  cleanUp();
  editor.dispose();
});

async function openDraft() {
  editor = headlessEditor(newStore(), [...defaultTools, ...defaultShapeTools]);
  editor.setCurrentTool('select'); // as <Tldraw> starts it
  const onClose = vi.fn();
  const host = await render(
    <DraftPanel
      classId="c1"
      token="t"
      studentId="s1"
      groupEditor={null}
      resolveName={(id) => id}
      licenseKey={null}
      maxAssetBytes={null}
      readOnly={false}
      onClose={onClose}
    />,
  );
  const canvas = await vi.waitFor(() => host.querySelector<HTMLElement>('[data-testid="canvas"]')!);
  const pressEscape = async (on: Element = canvas) =>
    act(async () => void on.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
  const button = (name: string) =>
    [...host.querySelectorAll('button')].find((b) => b.textContent?.trim() === name)!;
  return { onClose, pressEscape, button };
}

// The draft panel closed only by its Close button: Escape, which closes the template editor and every
// dialog, did nothing there.
describe('the draft panel closes on Escape, as the template editor does', () => {
  it('when nothing is in progress on its canvas, without asking: the draft is kept on the server', async () => {
    const { onClose, pressEscape } = await openDraft();
    editor.createShape({ id: createShapeId(), type: 'geo', x: 0, y: 0, props: { w: 100, h: 100 } });
    await pressEscape();
    expect(onClose).toHaveBeenCalledOnce();
    expect(document.querySelector('[role="dialog"]')).toBeNull();
  });

  it('from its bar too', async () => {
    const { onClose, pressEscape, button } = await openDraft();
    await pressEscape(button('Post to group'));
    expect(onClose).toHaveBeenCalledOnce();
  });

  it('only after tldraw’s own Escape: not while a shape is selected, a tool chosen or a shape edited', async () => {
    const { onClose, pressEscape } = await openDraft();
    const rectangle = createShapeId();
    editor.createShape({ id: rectangle, type: 'geo', x: 0, y: 0, props: { w: 100, h: 100 } });
    await expectEscapeClosesOnlyAfterTldraws(editor, rectangle, () => pressEscape(), onClose);
  });
});
