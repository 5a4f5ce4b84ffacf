import { ArrowShapeUtil, DrawShapeUtil, GeoShapeUtil } from 'tldraw';
import { idlePatternFillDef } from './IdlePatternFillDefs.js';

// tldraw's three shapes with a pattern fill, each declaring our idle-drawn tiles instead of tldraw's (which
// are all drawn in the canvas's first commit). Same types, props and migrations: only the canvas's defs differ.

export class BoardGeoShapeUtil extends GeoShapeUtil {
  override getCanvasSvgDefs() {
    return [idlePatternFillDef];
  }
}

export class BoardDrawShapeUtil extends DrawShapeUtil {
  override getCanvasSvgDefs() {
    return [idlePatternFillDef];
  }
}

export class BoardArrowShapeUtil extends ArrowShapeUtil {
  override getCanvasSvgDefs() {
    return [idlePatternFillDef];
  }
}

export const patternFillShapeUtils = [BoardGeoShapeUtil, BoardDrawShapeUtil, BoardArrowShapeUtil];
