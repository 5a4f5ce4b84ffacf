/**
 * tldraw records the board schema accepts, for tests and benchmarks (this module imports no test runner, so
 * the benchmarks can use it too). The server validates every record and reverts invalid ones.
 */

/** A geo shape record tldraw's schema accepts. */
export function geoShape(id: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    typeName: 'shape',
    type: 'geo',
    x: 10,
    y: 20,
    rotation: 0,
    index: 'a1',
    parentId: 'page:page',
    isLocked: false,
    opacity: 1,
    meta: {},
    props: {
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
    },
    ...overrides,
  };
}

/** A sticky note with text, as tldraw writes one. */
export function noteShape(
  id: string,
  text: string,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    id,
    typeName: 'shape',
    type: 'note',
    x: 0,
    y: 0,
    rotation: 0,
    index: 'a2',
    parentId: 'page:page',
    isLocked: false,
    opacity: 1,
    meta: {},
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
