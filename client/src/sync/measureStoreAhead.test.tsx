// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TextManager, createShapeId, toRichText, type Editor, type TLShape, type TLStore } from 'tldraw';
import { measureStoreAheadOnFirstUse } from './measureAhead.js';
import { newStore } from '../test/boardHarness.js';
import { headlessEditor, sizeFromLength } from '../test/headlessEditor.js';

// happy-dom lays nothing out: the measurer's class answers from the html's length, one by one or in a batch.
const one = vi.fn(sizeFromLength);
const batch = vi.fn((requests: Array<{ html: string; opts: { fontSize: number } }>) =>
  requests.map((r) => sizeFromLength(r.html, r.opts)),
);
TextManager.prototype.measureHtml = one as never;
TextManager.prototype.measureHtmlBatch = batch as never;

const editors: Editor[] = [];
afterEach(() => editors.splice(0).forEach((e) => e.dispose()));

function editorOn(store: TLStore): Editor {
  const editor = headlessEditor(store);
  editors.push(editor);
  return editor;
}

/** A store holding text, geo and note shapes with every prop, as a board's load leaves it. */
function loadedStore(): { store: TLStore; ids: TLShape['id'][] } {
  const scratch = editorOn(newStore());
  scratch.createShapes(
    [
      { type: 'text', props: { richText: toRichText('a text shape'), autoSize: true } },
      { type: 'text', props: { richText: toRichText('fixed width text'), autoSize: false, w: 240 } },
      { type: 'geo', props: { richText: toRichText('a labelled box'), w: 200, h: 120 } },
      { type: 'note', props: { richText: toRichText('a sticky note') } },
    ].map((partial, i) => ({ ...partial, id: createShapeId(`s${i}`), x: i * 300, y: 0 }) as never),
  );
  const store = newStore();
  const pageId = scratch.getCurrentPageId();
  store.put([...scratch.store.allRecords().filter((r) => r.typeName === 'page' || r.typeName === 'shape')]);
  const ids = scratch.getCurrentPageShapes().map((s) => s.id);
  expect(store.get(pageId)).toBeDefined();
  return { store, ids };
}

const boundsOf = (editor: Editor, ids: TLShape['id'][]) =>
  ids.map((id) => editor.getShapeGeometry(id).bounds.toJson());

describe('measureStoreAheadOnFirstUse', () => {
  it('answers the first editor’s measuring of a loaded store from one batch, for that task only', async () => {
    const plain = loadedStore();
    one.mockClear();
    const expected = boundsOf(editorOn(plain.store), plain.ids);
    expect(one.mock.calls.length).toBeGreaterThanOrEqual(4); // one by one, as tldraw does

    const ahead = loadedStore();
    measureStoreAheadOnFirstUse(ahead.store);
    one.mockClear();
    batch.mockClear();
    const editor = editorOn(ahead.store);
    expect(boundsOf(editor, ahead.ids)).toEqual(expected); // the same sizes
    expect(batch).toHaveBeenCalledTimes(1);
    expect(batch.mock.calls[0]![0]).toHaveLength(4);
    expect(one).not.toHaveBeenCalled();

    await new Promise((resolve) => setTimeout(resolve, 0));
    editor.textMeasure.measureHtml('<p>later</p>', { fontSize: 12 } as never);
    expect(one).toHaveBeenCalledTimes(1); // after that task, measured as usual
    expect(batch).toHaveBeenCalledTimes(1);
  });

  it('leaves an editor on another store measuring as usual', () => {
    const registered = loadedStore();
    measureStoreAheadOnFirstUse(registered.store);
    const other = loadedStore();
    one.mockClear();
    batch.mockClear();
    boundsOf(editorOn(other.store), other.ids);
    expect(batch).not.toHaveBeenCalled();
    expect(one.mock.calls.length).toBeGreaterThanOrEqual(4);
  });
});
