import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { geoShape, noteShape, strokeOfPath } from '../test/records.js';
import { SERIALIZED_BOARD_SCHEMA } from './boardSchema.js';
import { MAX_PAGE_COORDINATE as MAX_COORDINATE } from '@conjecture/shared/board/index';
import {
  labelIsCurrent,
  MAX_DRAW_PATH_CHARS,
  MAX_INDEX_LENGTH,
  MAX_RECORD_BYTES,
  MAX_RICH_TEXT_BYTES,
  MAX_RICH_TEXT_DEPTH,
  metaWriteRefusal,
  recordWriteRefusal,
  valueCharsAtMost,
} from './writePolicy.js';

const ana = { author: 'ana', locked: new Set<string>() };
const label = structuredClone(SERIALIZED_BOARD_SCHEMA) as {
  schemaVersion: 2;
  sequences: Record<string, number>;
};

describe('what a client may write to a record', () => {
  it('accepts a valid shape and a deletion', () => {
    expect(
      recordWriteRefusal({ key: 'shape:a', before: undefined, after: geoShape('shape:a') }, ana),
    ).toBeNull();
    expect(
      recordWriteRefusal({ key: 'shape:a', before: geoShape('shape:a'), after: undefined }, ana),
    ).toBeNull();
  });

  it('refuses locked records, in whatever way they are touched', () => {
    const writer = { author: 'ana', locked: new Set(['shape:card']) };
    const card = geoShape('shape:card');
    expect(recordWriteRefusal({ key: 'shape:card', before: card, after: undefined }, writer)).toMatch(
      /locked/,
    );
    expect(recordWriteRefusal({ key: 'shape:card', before: card, after: { ...card, x: 1 } }, writer)).toMatch(
      /locked/,
    );
    const binding = { id: 'binding:b', typeName: 'binding', fromId: 'shape:card', toId: 'shape:x' };
    expect(recordWriteRefusal({ key: 'binding:b', before: undefined, after: binding }, writer)).toMatch(
      /locked/,
    );
  });

  it('refuses server-only records and other users’ user records', () => {
    const thread = { id: 'critique:t', typeName: 'critique' };
    expect(recordWriteRefusal({ key: 'critique:t', before: undefined, after: thread }, ana)).toMatch(
      /only the server/,
    );
    expect(recordWriteRefusal({ key: 'critique:t', before: thread, after: undefined }, ana)).toMatch(
      /only the server/,
    );
    const user = { id: 'user:ben', typeName: 'user', name: '', color: '#000000', imageUrl: '', meta: {} };
    expect(recordWriteRefusal({ key: 'user:ben', before: undefined, after: user }, ana)).toMatch(
      /own user record/,
    );
  });

  it('refuses shapes beyond the coordinate bound, and the document’s deletion', () => {
    const far = geoShape('shape:far', { x: 1e308 });
    expect(recordWriteRefusal({ key: 'shape:far', before: undefined, after: far }, ana)).toMatch(/beyond/);
    const edge = geoShape('shape:edge', { x: MAX_COORDINATE, y: -MAX_COORDINATE });
    expect(recordWriteRefusal({ key: 'shape:edge', before: undefined, after: edge }, ana)).toBeNull();
    expect(recordWriteRefusal({ key: 'document:document', before: {}, after: undefined }, ana)).toMatch(
      /deleted/,
    );
  });
});

describe('what a classmate’s browser would fetch', () => {
  const imageAsset = (src: string | null) => ({
    id: 'asset:pic',
    typeName: 'asset',
    type: 'image',
    meta: {},
    props: { name: 'pic.png', src, w: 100, h: 80, mimeType: 'image/png', isAnimated: false, fileSize: 10 },
  });
  const write = (after: Record<string, unknown>) =>
    recordWriteRefusal({ key: after.id as string, before: undefined, after }, ana);

  it('accepts a picture stored on this server, or one still uploading', () => {
    expect(write(imageAsset('/api/assets/AbC123'))).toBeNull();
    expect(write(imageAsset('/api/assets/AbC123?shard=2'))).toBeNull();
    expect(write(imageAsset(null))).toBeNull();
  });

  it('refuses a picture from anywhere else, and an embedded site', () => {
    for (const src of [
      'https://tracker.example/pixel.png',
      '//tracker.example/pixel.png',
      '/api/assets/../..//tracker.example/x',
      'data:image/png;base64,AAAA',
    ]) {
      expect(write(imageAsset(src)), src).toMatch(/not a file stored on this server/);
    }
    expect(write(imageAsset('javascript:alert(1)'))).not.toBeNull(); // tldraw's own validator
  });

  it('refuses a path that leaves the stored files: the teacher’s browser would call the API with her cookie', () => {
    // Each resolves, in the browser drawing the board, to /api/classes/c1/export: a whole class's export built
    // for every thumbnail the dashboard draws, on the teacher's budget.
    for (const src of [
      '/api/assets/../classes/c1/export',
      '/api/assets/%2e%2e/classes/c1/export',
      '/api/assets/..\\classes\\c1\\export',
      '/api/assets/AbC123/../../classes/c1/export',
    ]) {
      expect(write(imageAsset(src)), src).toMatch(/not a file stored on this server/);
    }
  });

  it('lets a bookmark link anywhere, with no picture or icon from elsewhere', () => {
    const bookmark = (image: string) => ({
      id: 'asset:link',
      typeName: 'asset',
      type: 'bookmark',
      meta: {},
      props: { src: 'https://example.com/lesson', title: 'Lesson', description: '', image, favicon: '' },
    });
    expect(write(bookmark(''))).toBeNull();
    expect(write(bookmark('https://example.com/og.png'))).toMatch(/props.image is not a file stored/);
    const embed = {
      ...geoShape('shape:site'),
      type: 'embed',
      props: { w: 300, h: 200, url: 'https://example.com' },
    };
    expect(write(embed)).toMatch(/embeds load other sites/);
  });
});

describe('content cheap to send and costly for every classmate’s browser', () => {
  const write = (after: Record<string, unknown>) =>
    recordWriteRefusal({ key: after.id as string, before: undefined, after }, ana);
  const stroke = (path: string) => strokeOfPath('shape:s', path);
  const nested = (depth: number): unknown =>
    depth === 0 ? { type: 'text', text: 'x' } : { type: 'paragraph', content: [nested(depth - 1)] };

  it('refuses a megabyte of text in a note, and text nested thousands deep', () => {
    expect(write(noteShape('shape:n', 'A: 2 ÷ 3 = 0.67 per pen. '.repeat(200)))).toBeNull(); // a long note
    expect(write(noteShape('shape:n', 'x'.repeat(MAX_RICH_TEXT_BYTES)))).toMatch(/text is longer/);
    const deep = noteShape('shape:d', '');
    (deep.props as Record<string, unknown>).richText = {
      type: 'doc',
      content: [nested(MAX_RICH_TEXT_DEPTH + 5)],
    };
    expect(write(deep)).toMatch(/nested/);
  });

  it('refuses a stroke of hundreds of thousands of points, not a long one drawn by hand', () => {
    expect(write(stroke('AAAA'.repeat(5_000)))).toBeNull();
    expect(write(stroke('A'.repeat(MAX_DRAW_PATH_CHARS + 1)))).toMatch(/stroke is longer/);
  });

  it('refuses a paint-order index that every shape put beside it would copy: a long one, or one with no room past it', () => {
    const at = (index: string) => geoShape('shape:s', { index });
    expect(write(at('a1'))).toBeNull();
    expect(write(at('b0Zz'))).toBeNull();
    expect(write(at(`a1${'V'.repeat(40)}`))).toBeNull(); // squeezed between two shapes forty times over
    expect(write(at(`a1${'V'.repeat(MAX_INDEX_LENGTH)}`))).toMatch(/index is longer/);
    // The largest and smallest whole keys: a shape put above (or below) one gets its fraction and more.
    expect(write(at(`${'z'.repeat(27)}V`))).toMatch(/no room/);
    expect(write(at(`A${'0'.repeat(26)}V`))).toMatch(/no room/);
    const stored = at(`a1${'V'.repeat(MAX_INDEX_LENGTH)}`); // from before this rule
    expect(
      recordWriteRefusal({ key: 'shape:s', before: stored, after: { ...stored, x: 500 } }, ana),
    ).toBeNull();
  });

  it('refuses any record past a size, whatever field carries it', () => {
    const frame = {
      ...geoShape('shape:f'),
      type: 'frame',
      props: { w: 400, h: 300, name: 'x'.repeat(MAX_RECORD_BYTES), color: 'black' },
    };
    expect(write(frame)).toMatch(/record is larger/);
  });
});

describe('measuring a record only when its change could hold a large one', () => {
  /** The bytes of a Yjs update that writes `value` as one record, as a client's would. */
  const updateBytes = (value: unknown) => {
    const doc = new Y.Doc();
    doc.getArray('tldraw').push([{ key: 'shape:x', val: value }]);
    return Y.encodeStateAsUpdate(doc).byteLength;
  };

  it('bounds what JSON can make of any value Yjs carries, the costliest per byte included', () => {
    const bytes = new Uint8Array(20_000).fill(255); // {"0":255,"1":255,…,"19999":255}
    const values: unknown[] = [
      geoShape('shape:x'),
      { control: '\u0001'.repeat(5_000), quote: '"'.repeat(5_000) },
      Array.from({ length: 5_000 }, (_, i) => (i % 2 ? false : null)),
      { '': [[], {}, '', true, -2147483647, 1.1754943508222875e-38, -1.2345678901234568e-299] },
      { meta: { bytes } },
      Object.fromEntries(Array.from({ length: 3_000 }, (_, i) => [`\u0002${i}`, -0.1])),
    ];
    for (const value of values)
      expect(JSON.stringify(value).length).toBeLessThanOrEqual(valueCharsAtMost(updateBytes(value)));
  });

  it('gives the same answers without measuring a record that a small update carries', () => {
    const small = { author: 'ana', locked: new Set<string>(), valueCharsAtMost: valueCharsAtMost(600) };
    const shape = geoShape('shape:g', { x: 40 });
    const stringify = vi.spyOn(JSON, 'stringify');
    try {
      expect(recordWriteRefusal({ key: 'shape:g', before: undefined, after: shape }, small)).toBeNull();
      expect(stringify).not.toHaveBeenCalled();
    } finally {
      stringify.mockRestore();
    }
    // an update large enough to carry a large record: measured, and refused as before
    const note = noteShape('shape:n', 'x'.repeat(MAX_RICH_TEXT_BYTES));
    const large = { ...small, valueCharsAtMost: valueCharsAtMost(updateBytes(note)) };
    expect(recordWriteRefusal({ key: 'shape:n', before: undefined, after: note }, large)).toMatch(
      /text is longer/,
    );
  });
});

describe('what a client may write to meta', () => {
  it('accepts the server’s own schema label, and nothing but the label', () => {
    expect(metaWriteRefusal('schema', label, label)).toBeNull();
    expect(metaWriteRefusal('locked', [], undefined)).toMatch(/server only/);
    expect(metaWriteRefusal('schema', { anything: true }, label)).toMatch(/not a schema label/);
    expect(metaWriteRefusal('schema', undefined, label)).toMatch(/not a schema label/);
  });

  it('refuses a label from the future, and one going back', () => {
    const sequence = Object.keys(label.sequences)[0] as string;
    const future = { ...label, sequences: { ...label.sequences, [sequence]: 999 } };
    expect(metaWriteRefusal('schema', future, label)).toMatch(/cannot migrate/);
    const older = { ...label, sequences: { ...label.sequences, [sequence]: 0 } };
    expect(metaWriteRefusal('schema', older, label)).toMatch(/goes back/);
    const { [sequence]: _dropped, ...rest } = label.sequences;
    expect(metaWriteRefusal('schema', { ...label, sequences: rest }, label)).toMatch(/goes back/);
  });

  it('knows when records need no migration to be validated', () => {
    expect(labelIsCurrent(label)).toBe(true);
    const sequence = Object.keys(label.sequences).find((s) => (label.sequences[s] ?? 0) > 0) as string;
    expect(labelIsCurrent({ ...label, sequences: { ...label.sequences, [sequence]: 0 } })).toBe(false);
  });
});
