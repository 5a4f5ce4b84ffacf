import { describe, expect, it } from 'vitest';
import { CRITIQUE_TYPE } from '@conjecture/shared/board/index';
import type { ThumbnailRecord } from './boardThumbnail.js';
import { pinsMarkup, recordPageBounds } from './thumbnailPins.js';

const records = (list: Array<Record<string, unknown>>) =>
  new Map(list.map((r) => [r.id as string, r as unknown as ThumbnailRecord]));

describe('thumbnail pins', () => {
  const frame = { id: 'shape:f', typeName: 'shape', type: 'frame', x: 100, y: 50, props: { w: 400, h: 300 } };
  const note = {
    id: 'shape:n',
    typeName: 'shape',
    type: 'note',
    parentId: 'shape:f',
    x: 10,
    y: 20,
    props: {},
  };

  it('places a shape by its parents’ offsets', () => {
    expect(recordPageBounds(records([frame, note]), 'shape:n')).toEqual({
      minX: 110,
      minY: 70,
      maxX: 310,
      maxY: 270,
    });
    expect(recordPageBounds(records([frame]), 'shape:gone')).toBeNull();
  });

  const thread = (id: string, shapeId: string, replies: number) => ({
    id,
    typeName: CRITIQUE_TYPE,
    shapeId,
    resolved: null,
    replies: Array.from({ length: replies }, (_, i) => ({
      id: `r${i}`,
      stance: 'agree',
      text: 'yes',
      createdAt: i,
      authorId: 'u',
    })),
  });

  it('draws a pin for each thread with replies, on its shape’s top-right corner', () => {
    const svg = pinsMarkup(
      records([frame, note, thread('critique:a', 'shape:n', 2), thread('critique:b', 'shape:f', 0)]),
      0.6,
    );
    expect(svg.match(/data-testid="critique-pin"/g)).toHaveLength(1);
    expect(svg).toContain('data-shape-id="shape:n" data-resolved="false"');
    expect(svg).toContain('transform="translate(310 70)"');
  });

  // The projector draws its boards with this renderer: at 13.2 px the count was under --text-min (14 px,
  // tokens.css), small from the back of the room.
  it.each([0.1, 0.6, 1, 4])(
    'draws the count at 14 px or more on the screen at %s px per unit',
    (pxPerUnit) => {
      const svg = pinsMarkup(records([frame, thread('critique:a', 'shape:f', 3)]), pxPerUnit);
      const size = Number(/font-size="([\d.]+)"/.exec(svg)?.[1]);
      expect(size * pxPerUnit).toBeGreaterThanOrEqual(14);
    },
  );
});
