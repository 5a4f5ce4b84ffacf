import { shapeRecord } from '@conjecture/shared/board/shapeRecordFixtures';

/**
 * tldraw records the board schema accepts, for tests and benchmarks (this module imports no test runner, so
 * the benchmarks can use it too). The server validates every record and reverts invalid ones.
 */

/** A geo shape record tldraw's schema accepts. */
export function geoShape(id: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    ...shapeRecord('geo', structuredClone(GEO_PROPS), id),
    x: 10,
    y: 20,
    ...overrides,
  };
}

const GEO_PROPS = {
  geo: 'rectangle',
  w: 100,
  h: 80,
  color: 'black',
  labelColor: 'black',
  fill: 'none',
  dash: 'draw',
  size: 'm',
  font: 'draw',
  align: 'middle',
  verticalAlign: 'middle',
  growY: 0,
  url: '',
  scale: 1,
  richText: { type: 'doc', content: [] },
  flipX: false,
  flipY: false,
};

/** A sticky note with text, as tldraw writes one. */
export function noteShape(
  id: string,
  text: string,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    ...shapeRecord('note', undefined, id),
    index: 'a2',
    props: {
      color: 'yellow',
      labelColor: 'black',
      size: 'm',
      font: 'draw',
      fontSizeAdjustment: 0,
      align: 'middle',
      verticalAlign: 'middle',
      growY: 0,
      url: '',
      scale: 1,
      richText: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] },
      textLastEditedBy: '',
    },
    ...overrides,
  };
}
