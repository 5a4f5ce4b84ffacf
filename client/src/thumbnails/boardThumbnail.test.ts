import { describe, expect, it } from 'vitest';
import { b64Vecs } from 'tldraw';
import { BoardThumbnail, type ThumbnailRecord } from './boardThumbnail.js';

const doc = (text: string) => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});
const shape = (
  id: string,
  type: string,
  props: Record<string, unknown>,
  extra: Partial<ThumbnailRecord> = {},
) =>
  ({
    id,
    typeName: 'shape',
    type,
    parentId: 'page:page',
    index: 'a1',
    x: 0,
    y: 0,
    rotation: 0,
    props,
    ...extra,
  }) as ThumbnailRecord;
const fragment = (svg: string, id: string) =>
  new RegExp(`<g data-shape-id="${id}"[^>]*>(.*?)</g>`).exec(svg)?.[1];

describe('BoardThumbnail', () => {
  it('draws rectangles, notes with their text, texts and strokes, fitted in the viewBox', () => {
    const thumb = new BoardThumbnail([
      shape(
        'shape:r',
        'geo',
        { geo: 'rectangle', w: 100, h: 80, color: 'blue', fill: 'none' },
        { x: 10, y: 20 },
      ),
      shape('shape:n', 'note', { color: 'yellow', richText: doc('3 pens for $2') }, { x: 300, index: 'a2' }),
      shape('shape:t', 'text', { w: 120, size: 'm', richText: doc('a < b & c') }, { y: 400, index: 'a3' }),
      shape(
        'shape:d',
        'draw',
        {
          color: 'red',
          segments: [
            {
              type: 'free',
              path: b64Vecs.encodePoints([
                { x: 0, y: 0, z: 0.5 },
                { x: 50, y: 60, z: 0.5 },
              ]),
            },
          ],
        },
        { x: 600, index: 'a4' },
      ),
      { id: 'page:page', typeName: 'page' },
    ]);
    const svg = thumb.toSvg();
    expect(svg).toMatch(/^<svg [^>]*viewBox="-16 -16 682 4\d\d"/);
    expect(fragment(svg, 'shape:r')).toContain('<rect width="100" height="80"');
    expect(fragment(svg, 'shape:n')).toContain('3 pens for $2');
    expect(fragment(svg, 'shape:t')).toContain('a &lt; b &amp; c');
    expect(fragment(svg, 'shape:d')).toMatch(/<path d="M0 0L50 60"/);
    expect(thumb.shapeCount).toBe(4);
  });

  it('redraws only what changed, and forgets deleted shapes', () => {
    const thumb = new BoardThumbnail([
      shape('shape:a', 'geo', { geo: 'rectangle', w: 10, h: 10 }),
      shape('shape:b', 'geo', { geo: 'ellipse', w: 10, h: 10 }, { index: 'a2' }),
    ]);
    const before = thumb.toSvg();
    expect(thumb.toSvg()).toBe(before); // cached until a change
    thumb.apply(
      new Map([
        [
          'shape:a',
          {
            action: 'update' as const,
            newValue: shape('shape:a', 'geo', { geo: 'rectangle', w: 10, h: 10 }, { x: 50 }),
          },
        ],
        ['shape:b', { action: 'delete' as const }],
      ]),
    );
    const after = thumb.toSvg();
    expect(fragment(after, 'shape:a')).toBeDefined();
    expect(after).toContain('translate(50 0)');
    expect(after).not.toContain('shape:b');
  });

  it('draws a frame’s children inside it, whichever arrives first', () => {
    const thumb = new BoardThumbnail([
      shape('shape:child', 'geo', { geo: 'rectangle', w: 5, h: 5 }, { parentId: 'shape:frame', x: 7 }),
    ]);
    expect(fragment(thumb.toSvg(), 'shape:child')).toBeDefined();
    thumb.put(shape('shape:frame', 'frame', { w: 200, h: 100 }, { x: 100 }));
    const svg = thumb.toSvg();
    expect(svg.match(/data-shape-id="shape:child"/g)).toHaveLength(1);
    expect(svg).toMatch(/data-shape-id="shape:frame"[^>]*>.*data-shape-id="shape:child"/);
  });

  it('frames the work, not a shape flung far off it, and says where that one is; a download holds both', () => {
    const work = Array.from({ length: 12 }, (_, i) =>
      shape(
        `shape:w${i}`,
        'geo',
        { geo: 'rectangle', w: 100, h: 80 },
        { x: (i % 4) * 150, y: (i % 3) * 120 },
      ),
    );
    const flung = shape('shape:far', 'geo', { geo: 'rectangle', w: 100, h: 80 }, { x: 9_000_000, y: 0 });
    const thumb = new BoardThumbnail([...work, flung]);
    const parts = thumb.parts();
    expect(parts.bounds).toEqual({ x: 0, y: 0, w: 550, h: 320 });
    expect(parts.farOff).toEqual([{ x: 9_000_050, y: 40 }]);
    expect(parts.viewBox).toBe('-16 -16 9000132 352');
    expect(fragment(thumb.toSvg(), 'shape:far')).toBeDefined();
  });
});
