import { describe, expect, it } from 'vitest';
import { CRITIQUE_TYPE } from '@conjecture/shared/board/index';
import type { ThumbnailRecord } from './boardThumbnail.js';
import { pinsMarkup, recordPageBounds, viewBoxSize } from './thumbnailPins.js';

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

  it('draws a pin for each thread with replies, on its shape’s top-right corner', () => {
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
    expect(viewBoxSize('-10 0 800 600')).toBe(800);
    const svg = pinsMarkup(
      records([frame, note, thread('critique:a', 'shape:n', 2), thread('critique:b', 'shape:f', 0)]),
      800,
    );
    expect(svg.match(/data-testid="critique-pin"/g)).toHaveLength(1);
    expect(svg).toContain('data-shape-id="shape:n" data-resolved="false"');
    expect(svg).toContain('transform="translate(310 70)"');
  });
});
