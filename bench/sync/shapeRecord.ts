import { geoShape as buildGeoShape } from '../../server/src/test/records.js';
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
 * A tldraw geo shape record that tldraw's schema accepts (the server tests' builder, with our meta):
 * our server validates every record and reverts invalid ones, so an invalid record would measure reverts.
 */
export function geoShape(id: string, x: number, y: number, meta: BenchMeta): ShapeRecord {
  return buildGeoShape(id, { x, y, meta: { ...meta } }) as ShapeRecord;
}
