// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import {
  Box,
  TextManager,
  createShapeId,
  defaultShapeTools,
  defaultTools,
  toRichText,
  type Editor,
} from 'tldraw';
import { KeyboardDrawing } from './keyboardDrawing.js';
import { newStore } from '../test/boardHarness.js';
import { headlessEditor, sizeFromLength } from '../test/headlessEditor.js';

// happy-dom lays nothing out: text is measured from its length.
TextManager.prototype.measureHtml = sizeFromLength as never;

const editors: Editor[] = [];
afterEach(() => editors.splice(0).forEach((editor) => editor.dispose()));

/** Ada's editor with tldraw's tools, a 1000×800 view, and the keyboard drawing on it. */
function adasBoard() {
  const editor = headlessEditor(newStore(), [...defaultTools, ...defaultShapeTools]);
  editors.push(editor);
  editor.updateViewportScreenBounds(new Box(0, 0, 1000, 800));
  editor.setCurrentTool('select'); // as <Tldraw> starts it
  const said: string[] = [];
  const drawing = new KeyboardDrawing(editor, (message) => said.push(message));
  /** Presses a key as the browser would: down, then up; true when the keyboard drawing took it. */
  const press = (key: string, modifiers: Partial<KeyboardEventInit> = {}) => {
    const init = { key, code: key.length === 1 ? `Key${key.toUpperCase()}` : key, ...modifiers };
    const took = drawing.keyDown(new KeyboardEvent('keydown', init));
    const tookUp = drawing.keyUp(new KeyboardEvent('keyup', init));
    expect(tookUp, `the key-up of ${key} goes where its key-down went`).toBe(took);
    return took;
  };
  const shapes = (type: string) => editor.getCurrentPageShapes().filter((s) => s.type === type);
  return { editor, said, press, shapes };
}

describe('KeyboardDrawing', () => {
  it('draws a stroke with the pen: Enter puts it down, arrows draw, Enter lifts it', () => {
    const { editor, said, press, shapes } = adasBoard();
    editor.setCurrentTool('draw');
    expect(press('Enter')).toBe(true);
    for (let i = 0; i < 5; i++) press('ArrowRight');
    press('ArrowDown', { shiftKey: true });
    expect(press('Enter')).toBe(true);
    const [stroke] = shapes('draw');
    const bounds = editor.getShapePageBounds(stroke!.id)!;
    expect(bounds.w).toBeGreaterThanOrEqual(5 * 8 - 1);
    expect(bounds.h).toBeGreaterThanOrEqual(40 - 1);
    expect(said).toEqual([expect.stringMatching(/^Drawing: pen down/), 'Drawing finished.']);
  });

  it('takes the whole stroke back on Escape, and keeps every other key from tldraw meanwhile', () => {
    const { editor, said, press, shapes } = adasBoard();
    editor.setCurrentTool('draw');
    press('Enter');
    press('ArrowUp');
    expect(press('r'), 'a tool shortcut mid-stroke').toBe(true);
    expect(editor.getCurrentToolId()).toBe('draw');
    press('Escape');
    expect(shapes('draw')).toEqual([]);
    expect(said.at(-1)).toBe('Drawing taken back.');
    expect(press('ArrowUp'), 'no stroke: the arrows are tldraw’s again').toBe(false);
  });

  it('places a click tool’s shape on Enter, off the work in the middle of the view', () => {
    const { editor, press, shapes, said } = adasBoard();
    const center = editor.getViewportPageBounds().center;
    const work = createShapeId();
    editor.createShape({
      id: work,
      type: 'geo',
      x: center.x - 50,
      y: center.y - 50,
      props: { w: 100, h: 100 },
    });
    editor.setCurrentTool('geo');
    expect(press('Enter')).toBe(true);
    const placed = shapes('geo').find((s) => s.id !== work)!;
    expect(editor.getSelectedShapeIds()).toEqual([placed.id]);
    const a = editor.getShapePageBounds(placed.id)!;
    expect(a.collides(editor.getShapePageBounds(work)!)).toBe(false);
    expect(said).toEqual([expect.stringMatching(/^Rectangle placed near the middle of the view/)]);
  });

  it('joins two selected shapes with an arrow bound to both', () => {
    const { editor, press, shapes, said } = adasBoard();
    const [left, right] = [createShapeId(), createShapeId()];
    editor.createShapes([
      { id: left, type: 'geo', x: 100, y: 100, props: { w: 100, h: 100 } },
      { id: right, type: 'geo', x: 500, y: 100, props: { w: 100, h: 100, geo: 'ellipse' } },
    ]);
    editor.select(left, right);
    editor.setCurrentTool('arrow');
    expect(press('Enter')).toBe(true);
    const [arrow] = shapes('arrow');
    const ends = editor.getBindingsFromShape(arrow!.id, 'arrow').map((b) => [b.props.terminal, b.toId]);
    expect(ends.sort()).toEqual([
      ['end', right],
      ['start', left],
    ]);
    expect(said).toEqual(['Arrow drawn from a rectangle to an ellipse.']);
  });

  it('quotes the shapes’ words in isolates, so a right-to-left word or an old override cannot reorder the rest', () => {
    const { editor, press, said } = adasBoard();
    const [left, right] = [createShapeId(), createShapeId()];
    editor.createShapes([
      // an override written before the server stripped them, beside a right-to-left word
      {
        id: left,
        type: 'geo',
        x: 100,
        y: 100,
        props: { w: 100, h: 100, richText: toRichText('כמה \u202eעולה') },
      },
      {
        id: right,
        type: 'geo',
        x: 500,
        y: 100,
        props: { w: 100, h: 100, richText: toRichText('cost per pen') },
      },
    ]);
    editor.select(left, right);
    editor.setCurrentTool('arrow');
    expect(press('Enter')).toBe(true);
    expect(said).toEqual(['Arrow drawn from “\u2068כמה עולה\u2069” to “\u2068cost per pen\u2069”.']);
  });

  it('resizes the selection with Alt+Shift+arrows: right and down grow it, left and up shrink it', () => {
    const { editor, press } = adasBoard();
    const id = createShapeId();
    editor.createShape({ id, type: 'geo', x: 100, y: 100, props: { w: 100, h: 100 } });
    editor.select(id);
    expect(press('ArrowRight', { altKey: true, shiftKey: true })).toBe(true);
    press('ArrowUp', { altKey: true, shiftKey: true });
    const bounds = editor.getShapePageBounds(id)!;
    expect([bounds.x, bounds.y, bounds.w, bounds.h]).toEqual([100, 100, 116, 84]);
  });

  it('makes nothing on a read-only board', () => {
    const { editor, press, shapes } = adasBoard();
    editor.setCurrentTool('draw');
    editor.updateInstanceState({ isReadonly: true });
    expect(press('Enter')).toBe(false);
    expect(shapes('draw')).toEqual([]);
  });
});
