// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import {
  AssetRecordType,
  TextManager,
  createShapeId,
  renderPlaintextFromRichText,
  toRichText,
  type Editor,
  type TLAssetId,
  type TLGeoShape,
  type TLNoteShape,
} from 'tldraw';
import { keepTextReadable } from './keepTextReadable.js';
import { newStore } from '../test/boardHarness.js';
import { headlessEditor, sizeFromLength } from '../test/headlessEditor.js';

// happy-dom lays nothing out: text is measured from its length.
TextManager.prototype.measureHtml = sizeFromLength as never;

const RLO = '\u202e';
const [LRI, PDI] = ['\u2066', '\u2069'];

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

function adasEditor(): Editor {
  const editor = headlessEditor(newStore());
  const stop = keepTextReadable(editor);
  cleanups.push(() => {
    stop();
    editor.dispose();
  });
  return editor;
}

const note = createShapeId('note');
const box = createShapeId('box');
const textOf = (editor: Editor, id: typeof note) =>
  renderPlaintextFromRichText(editor, (editor.getShape(id) as TLNoteShape | TLGeoShape).props.richText);

// The server refuses a board write holding an embedding or an override: a student's pasted note would vanish.
describe('what a student writes on a board loses the controls the server refuses', () => {
  it('a note pasted with an override, and a box’s label rewritten with an embedding, keep their words alone', () => {
    const editor = adasEditor();
    editor.createShapes([
      { id: note, type: 'note', props: { richText: toRichText(`I agree ${RLO}tnemugra`) } },
      { id: box, type: 'geo', props: { w: 100, h: 80, richText: toRichText('2/3') } },
    ]);
    editor.updateShapes([{ id: box, type: 'geo', props: { richText: toRichText('2/3 \u202b> 3/5') } }]);
    expect(textOf(editor, note)).toBe('I agree tnemugra');
    expect(textOf(editor, box)).toBe('2/3 > 3/5');
  });

  it('a frame’s name and a file’s name too', () => {
    const editor = adasEditor();
    const frame = createShapeId('frame');
    editor.createShapes([{ id: frame, type: 'frame', props: { w: 100, h: 100, name: `Ours${RLO}` } }]);
    const assetId = AssetRecordType.createId('pic') as TLAssetId;
    editor.createAssets([
      {
        id: assetId,
        typeName: 'asset',
        type: 'image',
        props: {
          name: `photo${RLO}gnp.exe`,
          src: null,
          w: 10,
          h: 10,
          mimeType: 'image/png',
          isAnimated: false,
        },
        meta: {},
      },
    ]);
    expect(editor.getShape(frame)?.props).toMatchObject({ name: 'Ours' });
    expect(editor.getAsset(assetId)?.props).toMatchObject({ name: 'photognp.exe' });
  });

  it('keeps right-to-left writing: marks, and isolates keeping an equation left to right', () => {
    const editor = adasEditor();
    const honest = `ثمن القلم\u200f ${LRI}2/3 = 0.67${PDI}`;
    editor.createShapes([{ id: note, type: 'note', props: { richText: toRichText(honest) } }]);
    expect(textOf(editor, note)).toBe(honest);
  });

  it('leaves a classmate’s change as the server let it through', () => {
    const editor = adasEditor();
    editor.store.mergeRemoteChanges(() =>
      editor.createShapes([{ id: note, type: 'note', props: { richText: toRichText(`${LRI}old`) } }]),
    );
    expect(textOf(editor, note)).toBe(`${LRI}old`);
  });
});
