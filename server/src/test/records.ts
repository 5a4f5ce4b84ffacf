import { b64Vecs } from '@tldraw/tlschema';
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

/** A tldraw frame (it holds shapes: they are drawn at their opacity times its). */
export function frameShape(id: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    ...shapeRecord('frame', { w: 400, h: 300, name: '', color: 'black' }, id),
    ...overrides,
  };
}

/** A tldraw image with no picture yet; `crop` as its crop tool writes it (the share shown, corners in 0…1). */
export function imageShape(id: string, crop: unknown = null): Record<string, unknown> {
  const props = {
    w: 64,
    h: 48,
    assetId: null,
    playing: true,
    url: '',
    crop,
    flipX: false,
    flipY: false,
    altText: '',
  };
  return { ...shapeRecord('image', props, id), x: 10, y: 20 };
}

/** A freehand stroke through `points` (tldraw encodes them in base64), resized by `scaleX` and `scaleY`. */
export function strokeShape(
  id: string,
  points: Array<{ x: number; y: number }>,
  scales: { scaleX?: number; scaleY?: number } = {},
): Record<string, unknown> {
  return strokeOfPath(id, b64Vecs.encodePoints(points.map(({ x, y }) => ({ x, y, z: 0.5 }))), scales);
}

/** A freehand stroke whose points are `path` as stored (base64), resized by `scaleX` and `scaleY`. */
export function strokeOfPath(
  id: string,
  path: string,
  { scaleX = 1, scaleY = 1 } = {},
): Record<string, unknown> {
  const props = {
    color: 'black',
    fill: 'none',
    dash: 'draw',
    size: 'm',
    segments: [{ type: 'free', path }],
    isComplete: true,
    isClosed: false,
    isPen: false,
    scale: 1,
    scaleX,
    scaleY,
  };
  return { ...shapeRecord('draw', props, id), x: 10, y: 20 };
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
      fontSizeAdjustment: 1,
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

/** An arrow shape record as tldraw's editor writes one (its ends come as bindings). */
export function arrowShape(id: string): Record<string, unknown> {
  return {
    ...shapeRecord('arrow', structuredClone(ARROW_PROPS), id),
    x: 0,
    y: 0,
  };
}

const ARROW_PROPS = {
  kind: 'arc',
  elbowMidPoint: 0.5,
  dash: 'draw',
  size: 'm',
  fill: 'none',
  color: 'black',
  labelColor: 'black',
  bend: 0,
  start: { x: 0, y: 0 },
  end: { x: 100, y: 100 },
  arrowheadStart: 'none',
  arrowheadEnd: 'arrow',
  richText: { type: 'doc', content: [{ type: 'paragraph' }] },
  labelPosition: 0.5,
  font: 'draw',
  scale: 1,
};

/** The binding of an arrow's end to a shape, as tldraw's editor writes one. */
export function arrowBinding(
  id: string,
  fromId: string,
  toId: string,
  terminal: 'start' | 'end' = 'end',
): Record<string, unknown> {
  return {
    id,
    typeName: 'binding',
    type: 'arrow',
    fromId,
    toId,
    meta: {},
    props: {
      isPrecise: false,
      isExact: false,
      normalizedAnchor: { x: 0.5, y: 0.5 },
      snap: 'none',
      terminal,
    },
  };
}
