// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import {
  TextManager,
  b64Vecs,
  createShapeId,
  toRichText,
  type Editor,
  type TLShape,
  type TLShapeId,
} from 'tldraw';
import { MIN_SHAPE_SCALE, MIN_WORDS_SCALE, drawnOpacity, isTooFaint } from '@conjecture/shared/board/index';
import { keepShapesInSight } from './keepShapesInSight.js';
import { newStore } from '../test/boardHarness.js';
import { headlessEditor, sizeFromLength } from '../test/headlessEditor.js';

// happy-dom lays nothing out: text is measured from its length.
TextManager.prototype.measureHtml = sizeFromLength as never;

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

function adasEditor(): Editor {
  const editor = headlessEditor(newStore());
  const stop = keepShapesInSight(editor);
  cleanups.push(() => {
    stop();
    editor.dispose();
  });
  return editor;
}

const frame = createShapeId('frame');
const box = createShapeId('box');

/** A box inside a frame, as Ada draws them. */
function boxInFrame(editor: Editor) {
  editor.createShapes([
    { id: frame, type: 'frame', x: 0, y: 0, props: { w: 400, h: 300 } },
    { id: box, type: 'geo', parentId: frame, x: 50, y: 50, props: { w: 100, h: 80 } },
  ]);
}

/** What the server checks: the opacity tldraw draws the shape at, its frames' included. */
const drawn = (editor: Editor, id: TLShapeId) =>
  drawnOpacity(id, (key) => editor.store.get(key as TLShapeId));

function fade(editor: Editor, id: TLShapeId, opacity: number) {
  editor.select(id);
  editor.setOpacityForSelectedShapes(opacity);
}

describe('a student’s own edits are kept where the server accepts them', () => {
  it('a box faded inside a faded frame stops at the first of tldraw’s steps that keeps it in sight', () => {
    const editor = adasEditor();
    boxInFrame(editor);
    fade(editor, frame, 0.25);
    fade(editor, box, 0.25); // 0.0625 as tldraw would draw it
    expect(isTooFaint(drawn(editor, box))).toBe(false);
    expect(editor.getShape(box)!.opacity).toBe(0.5);
  });

  it('a frame faded over a faint box keeps the box in sight', () => {
    const editor = adasEditor();
    boxInFrame(editor);
    fade(editor, box, 0.25);
    fade(editor, frame, 0.1);
    expect(isTooFaint(drawn(editor, box))).toBe(false);
    expect(editor.getShape(frame)!.opacity).toBe(0.5);
  });

  it('a faint box dragged into a faint frame is raised to stay in sight', () => {
    const editor = adasEditor();
    boxInFrame(editor);
    fade(editor, frame, 0.25);
    const loose = createShapeId('loose');
    editor.createShapes([{ id: loose, type: 'geo', x: 500, y: 0, opacity: 0.25, props: { w: 60, h: 60 } }]);
    editor.reparentShapes([loose], frame);
    expect(isTooFaint(drawn(editor, loose))).toBe(false);
  });

  it('a faint box drawn inside a faint frame is born in sight', () => {
    const editor = adasEditor();
    boxInFrame(editor);
    fade(editor, frame, 0.25);
    const born = createShapeId('born');
    editor.createShapes([{ id: born, type: 'geo', parentId: frame, opacity: 0.25, props: { w: 60, h: 60 } }]);
    expect(isTooFaint(drawn(editor, born))).toBe(false);
  });

  it('a text shrunk from its corner stops at the smallest scale the server takes', () => {
    const editor = adasEditor();
    const text = createShapeId('text');
    editor.createShapes([{ id: text, type: 'text', x: 0, y: 0, props: { richText: toRichText('3/4') } }]);
    editor.select(text);
    editor.resizeShape(text, { x: 0.01, y: 0.01 }, { dragHandle: 'bottom_right', mode: 'scale_shape' });
    const scale = (editor.getShape(text) as TLShape & { props: { scale: number } }).props.scale;
    expect(scale).toBe(MIN_SHAPE_SCALE);
  });

  it('a drawing resized under a pixel keeps the size it had', () => {
    const editor = adasEditor();
    const stroke = createShapeId('stroke');
    const path = b64Vecs.encodePoints([
      { x: 0, y: 0, z: 0.5 },
      { x: 100, y: 40, z: 0.5 },
      { x: 200, y: 0, z: 0.5 },
    ]);
    editor.createShapes([
      {
        id: stroke,
        type: 'draw',
        x: 0,
        y: 0,
        props: { segments: [{ type: 'free', path }], isComplete: true },
      },
    ]);
    editor.resizeShape(stroke, { x: 0.5, y: 0.5 });
    expect(editor.getShape(stroke)!.props).toMatchObject({ scaleX: 0.5, scaleY: 0.5 });
    editor.resizeShape(stroke, { x: 1e-4, y: 1e-4 }); // 0.01 px across
    expect(editor.getShape(stroke)!.props).toMatchObject({ scaleX: 0.5, scaleY: 0.5 });
  });

  it('leaves what is fine alone: a fade that stays in sight, a move', () => {
    const editor = adasEditor();
    boxInFrame(editor);
    fade(editor, frame, 0.5);
    fade(editor, box, 0.5);
    editor.updateShapes([{ id: box, type: 'geo', x: 70 }]);
    expect(editor.getShape(frame)!.opacity).toBe(0.5);
    expect(editor.getShape(box)).toMatchObject({ opacity: 0.5, x: 70 });
  });

  it('leaves a classmate’s change to the server: it is not the editor’s to mend', () => {
    const editor = adasEditor();
    boxInFrame(editor);
    editor.store.mergeRemoteChanges(() => {
      editor.store.put([{ ...editor.getShape(box)!, opacity: 0.01 }]);
    });
    expect(editor.getShape(box)!.opacity).toBe(0.01);
  });
});

describe('the scale under which the server counts words shrunk away', () => {
  it('lies well below every scale tldraw makes a shape at, and draws its smallest words under a pixel', () => {
    const editor = adasEditor();
    editor.user.updateUserPreferences({ isDynamicSizeMode: true });
    for (let i = 0; i < 20; i++) editor.zoomIn();
    const closest = editor.getResizeScaleFactor(); // what a shape made at the closest zoom gets
    expect(closest).toBe(1 / Math.max(...editor.getCameraOptions().zoomSteps));
    expect(MIN_WORDS_SCALE).toBeLessThan(closest / 2);
    // tldraw's smallest words: a text of size `s` at scale 1, measured at the font size it is drawn at
    const fontSizes: number[] = [];
    TextManager.prototype.measureHtml = ((html: string, opts: { fontSize: number }) => {
      fontSizes.push(opts.fontSize);
      return sizeFromLength(html, opts);
    }) as never;
    try {
      const text = createShapeId('smallest');
      editor.createShape({
        id: text,
        type: 'text',
        props: { size: 's', scale: 1, richText: toRichText('ab') },
      });
      editor.getShapeGeometry(text);
    } finally {
      TextManager.prototype.measureHtml = sizeFromLength as never;
    }
    expect(fontSizes.length).toBeGreaterThan(0);
    expect(Math.min(...fontSizes) * MIN_WORDS_SCALE).toBeLessThanOrEqual(1);
  });
});
