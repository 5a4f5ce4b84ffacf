// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createShapeId, toRichText, type Editor, type TLShape } from 'tldraw';
import { measureAhead, measurementKey } from './measureAhead.js';
import { newStore } from '../test/boardHarness.js';
import { headlessEditor, sizeFromLength } from '../test/headlessEditor.js';

const editors: Editor[] = [];
afterEach(() => editors.splice(0).forEach((e) => e.dispose()));

/** A headless editor whose text measuring answers from the html's length (happy-dom lays nothing out). */
function measuringEditor() {
  const editor = headlessEditor(newStore());
  editors.push(editor);
  const one = vi.fn(sizeFromLength);
  const batch = vi.fn((requests: Array<{ html: string; opts: { fontSize: number } }>) =>
    requests.map((r) => sizeFromLength(r.html, r.opts)),
  );
  editor.textMeasure.measureHtml = one as never;
  editor.textMeasure.measureHtmlBatch = batch as never;
  return { editor, one, batch };
}

const shapes = (): TLShape[] =>
  [
    { type: 'text', props: { richText: toRichText('a text shape'), autoSize: true } },
    { type: 'text', props: { richText: toRichText('fixed width text'), autoSize: false, w: 240 } },
    { type: 'geo', props: { richText: toRichText('a labelled box'), w: 200, h: 120 } },
    { type: 'note', props: { richText: toRichText('a sticky note') } },
  ].map(
    (partial, i) =>
      ({
        ...partial,
        id: createShapeId(`s${i}`),
        x: i * 300,
        y: 0,
      }) as unknown as TLShape,
  );

/** The shapes as tldraw creates them, with every prop, and their bounds once in the store. */
function recordsAndBounds(editor: Editor, put: (records: TLShape[]) => void) {
  const scratch = measuringEditor().editor;
  scratch.createShapes(shapes());
  const records = scratch.getCurrentPageShapes().map((s) => ({ ...s, parentId: editor.getCurrentPageId() }));
  put(records);
  return records.map((r) => editor.getShapeGeometry(r.id).bounds.toJson());
}

describe('measureAhead', () => {
  it('measures a batch’s text, geo and note labels in one batch, and tldraw uses those answers', () => {
    const plain = measuringEditor();
    const expected = recordsAndBounds(plain.editor, (records) => plain.editor.store.put(records));

    const ahead = measuringEditor();
    const usual = ahead.editor.textMeasure.measureHtml;
    const bounds = recordsAndBounds(ahead.editor, (records) =>
      measureAhead(ahead.editor, records, () => {
        ahead.editor.store.put(records);
        for (const r of records) ahead.editor.getShapeGeometry(r.id); // tldraw measures while the batch goes in
      }),
    );
    expect(bounds).toEqual(expected); // the same sizes as measuring one by one
    expect(ahead.batch).toHaveBeenCalledTimes(1);
    expect(ahead.batch.mock.calls[0]![0]).toHaveLength(4);
    expect(ahead.one).not.toHaveBeenCalled(); // every measurement was answered from the batch
    expect(ahead.editor.textMeasure.measureHtml).toBe(usual);
  });

  it('measures as usual what it did not foresee', () => {
    const { editor, one } = measuringEditor();
    measureAhead(editor, [], () => editor.textMeasure.measureHtml('<p>x</p>', { fontSize: 12 } as never));
    expect(one).toHaveBeenCalledTimes(1);
  });

  it('keys a measurement by its html and options, whatever their order', () => {
    expect(measurementKey('<p>a</p>', { fontSize: 12, lineHeight: 1.2 } as never)).toBe(
      measurementKey('<p>a</p>', { lineHeight: 1.2, fontSize: 12 } as never),
    );
    expect(measurementKey('<p>a</p>', { fontSize: 12 } as never)).not.toBe(
      measurementKey('<p>a</p>', { fontSize: 13 } as never),
    );
  });
});
