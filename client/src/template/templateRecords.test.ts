import { describe, expect, it } from 'vitest';
import {
  BOARD_PAGE_ID,
  fromTemplateRecords,
  toTemplateRecords,
  type TemplateBinding,
  type TemplateShape,
} from './templateRecords.js';

const shape = (id: string, parentId: string, props: object = {}): TemplateShape => ({
  id,
  typeName: 'shape',
  type: 'geo',
  parentId,
  isLocked: false,
  x: 0,
  y: 0,
  props,
});
const binding = (id: string, fromId: string, toId: string): TemplateBinding => ({
  id,
  typeName: 'binding',
  type: 'arrow',
  fromId,
  toId,
  props: { terminal: 'end' },
});
const asset = (id: string, src: string | null) => ({
  id,
  typeName: 'asset' as const,
  type: 'image',
  props: { src },
});

describe('the template as the teacher composed it → records for every group board', () => {
  it('locks every shape and puts top-level ones on the boards’ page, children under their parents', () => {
    const result = toTemplateRecords(
      [
        shape('shape:frame', 'page:other'),
        shape('shape:card', 'shape:frame'),
        shape('shape:elsewhere', 'page:x'),
      ],
      [],
      'page:other',
    );
    expect(result).toEqual({
      ok: true,
      records: [
        expect.objectContaining({ id: 'shape:frame', parentId: BOARD_PAGE_ID, isLocked: true }),
        expect.objectContaining({ id: 'shape:card', parentId: 'shape:frame', isLocked: true }),
      ],
    });
  });

  it('takes only the uploaded images its shapes use, assets first', () => {
    const result = toTemplateRecords(
      [shape('shape:img', BOARD_PAGE_ID, { assetId: 'asset:used' })],
      [asset('asset:used', '/api/assets/abc'), asset('asset:unused', '/api/assets/def')],
      BOARD_PAGE_ID,
    );
    expect(result.ok && result.records.map((r) => r.id)).toEqual(['asset:used', 'shape:img']);
  });

  it('refuses an image still uploading (or inlined) and one whose asset is gone', () => {
    expect(
      toTemplateRecords(
        [
          shape('shape:a', BOARD_PAGE_ID, { assetId: 'asset:a' }),
          shape('shape:b', BOARD_PAGE_ID, { assetId: 'asset:b' }),
        ],
        [asset('asset:a', 'data:image/png;base64,AAAA')],
        BOARD_PAGE_ID,
      ),
    ).toEqual({
      ok: false,
      problems: [
        'An image is still uploading: wait a moment and place again.',
        'An image has no file: delete it and add it again.',
      ],
    });
  });

  it('takes the arrow bindings whose both ends go along, after the shapes, and drops dangling ones', () => {
    const result = toTemplateRecords(
      [
        shape('shape:card', BOARD_PAGE_ID),
        shape('shape:arrow', BOARD_PAGE_ID),
        shape('shape:elsewhere', 'page:x'),
      ],
      [],
      BOARD_PAGE_ID,
      [
        binding('binding:to-elsewhere', 'shape:arrow', 'shape:elsewhere'),
        binding('binding:to-card', 'shape:arrow', 'shape:card'),
      ],
    );
    expect(result.ok && result.records.map((r) => r.id)).toEqual([
      'shape:card',
      'shape:arrow',
      'binding:to-card',
    ]);
    expect(result.ok && result.records[2]).toEqual(binding('binding:to-card', 'shape:arrow', 'shape:card'));
  });

  it('refuses more records than the server takes', () => {
    const many = Array.from({ length: 101 }, (_, i) => shape(`shape:s${i}`, BOARD_PAGE_ID));
    const result = toTemplateRecords(many, [], BOARD_PAGE_ID);
    expect(result.ok).toBe(false);
  });
});

describe('the stored template → the teacher’s canvas', () => {
  it('unlocks shapes for editing, keeps assets and drops anything else', () => {
    const locked = { ...shape('shape:card', BOARD_PAGE_ID), isLocked: true };
    const { shapes, assets } = fromTemplateRecords([
      locked,
      asset('asset:a', '/api/assets/a'),
      { typeName: 'binding' },
      null,
    ]);
    expect(shapes).toEqual([{ ...locked, isLocked: false }]);
    expect(assets.map((a) => a.id)).toEqual(['asset:a']);
  });

  it('round-trips: what is placed comes back as it was composed, arrow bindings included', () => {
    const composed = [
      shape('shape:card', BOARD_PAGE_ID, { text: 'Task' }),
      shape('shape:arrow', BOARD_PAGE_ID),
    ];
    const bindings = [binding('binding:b', 'shape:arrow', 'shape:card')];
    const placed = toTemplateRecords(composed, [], BOARD_PAGE_ID, bindings);
    expect(placed.ok && fromTemplateRecords(placed.records)).toEqual({
      shapes: composed,
      assets: [],
      bindings,
    });
  });

  it('brings back no binding whose shape is missing (tldraw would not load it)', () => {
    const { bindings } = fromTemplateRecords([
      shape('shape:arrow', BOARD_PAGE_ID),
      binding('binding:dangling', 'shape:arrow', 'shape:gone'),
    ]);
    expect(bindings).toEqual([]);
  });
});
