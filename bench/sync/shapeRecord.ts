/** The part of a record the benchmark reads back: when and in which order its writer sent it. */
export interface BenchMeta {
  sentAt: number;
  seq: number;
}

export interface ShapeRecord {
  id: string;
  meta: BenchMeta;
  [field: string]: unknown;
}

/**
 * A tldraw geo shape record that tldraw's schema accepts (the same shape as the server tests' `geoShape`):
 * our server validates every record and reverts invalid ones, so an invalid record would measure reverts.
 */
export function geoShape(id: string, x: number, y: number, meta: BenchMeta): ShapeRecord {
  return {
    id,
    typeName: 'shape',
    type: 'geo',
    x,
    y,
    rotation: 0,
    index: 'a1',
    parentId: 'page:page',
    isLocked: false,
    opacity: 1,
    meta: { ...meta },
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
  };
}
