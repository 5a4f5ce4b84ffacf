import { T } from '@tldraw/validate';
import { createShapePropsMigrationIds, createShapePropsMigrationSequence } from '@tldraw/tlschema';
import type { RecordProps, TLBaseShape } from '@tldraw/tlschema';
import { boundedNumber, boundedString, shapeSide } from './boundedProps.js';
import { gridLineCount, MAX_GRID_LINES } from '../domain/math/ticks.js';
import { MAX_EXPRESSION_CHARS } from '../domain/math/tokens.js';
import { uniqueIds, type Identified } from '../domain/math/labelledItems.js';
import { MAX_ITEM_ID_CHARS, MAX_POINT_LABEL_CHARS } from './numberLine.js';

/**
 * A coordinate plane: axes and a grid over an adjustable window, labelled points, and functions y = f(x)
 * typed as text and plotted with our own parser. The function text is stored as typed, even when it does
 * not parse (the shape then shows the error and draws nothing): the validator bounds its length, the parser
 * decides what it means. The window is one prop so its bounds and grid steps are checked together.
 */
export const COORDINATE_PLANE_TYPE = 'coordinate-plane';

export const MAX_PLANE_COORDINATE = 1_000_000;
export const MAX_PLANE_POINTS = 20;
export const MAX_PLANE_FUNCTIONS = 6;

export const PLOT_COLORS = ['blue', 'red', 'green', 'violet', 'orange', 'black'] as const;
export type PlotColor = (typeof PLOT_COLORS)[number];

export interface PlaneWindow {
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
  /** Grid lines every xStep along x and every yStep along y. */
  xStep: number;
  yStep: number;
}

export interface PlanePoint extends Identified {
  x: number;
  y: number;
  label: string;
}

export interface PlaneFunction extends Identified {
  /** As typed, e.g. "y = 2x + 1"; may not parse. */
  text: string;
  color: PlotColor;
}

export interface CoordinatePlaneProps {
  w: number;
  h: number;
  window: PlaneWindow;
  points: PlanePoint[];
  functions: PlaneFunction[];
}

declare module '@tldraw/tlschema' {
  interface TLGlobalShapePropsMap {
    [COORDINATE_PLANE_TYPE]: CoordinatePlaneProps;
  }
}

export type CoordinatePlaneShape = TLBaseShape<typeof COORDINATE_PLANE_TYPE, CoordinatePlaneProps>;

const coordinate = boundedNumber(-MAX_PLANE_COORDINATE, MAX_PLANE_COORDINATE);
const step = boundedNumber(Number.MIN_VALUE, MAX_PLANE_COORDINATE);

/** Why a window is not drawable, or null (the editing form shows the same words). */
export function planeWindowProblem(w: PlaneWindow): string | null {
  if (!(w.xMin < w.xMax)) return 'x min must be less than x max';
  if (!(w.yMin < w.yMax)) return 'y min must be less than y max';
  if (!(w.xStep > 0 && w.yStep > 0)) return 'grid steps must be more than 0';
  const lines = Math.max(gridLineCount(w.xMin, w.xMax, w.xStep), gridLineCount(w.yMin, w.yMax, w.yStep));
  if (!(lines <= MAX_GRID_LINES)) return `that makes too many grid lines; at most ${MAX_GRID_LINES} each way`;
  return null;
}

export const planeWindowValidator = T.object({
  xMin: coordinate,
  xMax: coordinate,
  yMin: coordinate,
  yMax: coordinate,
  xStep: step,
  yStep: step,
}).check('drawable', (w) => {
  const problem = planeWindowProblem(w);
  if (problem) throw new T.ValidationError(problem);
});

const itemId = boundedString(MAX_ITEM_ID_CHARS);

function boundedList<V extends Identified>(item: T.Validator<V>, max: number, what: string) {
  return T.arrayOf(item).check('bounded', (items) => {
    if (items.length > max)
      throw new T.ValidationError(`Expected at most ${max} ${what}, got ${items.length}`);
    uniqueIds(items);
  });
}

export const coordinatePlaneProps: RecordProps<CoordinatePlaneShape> = {
  w: shapeSide,
  h: shapeSide,
  window: planeWindowValidator,
  points: boundedList(
    T.object({ id: itemId, x: coordinate, y: coordinate, label: boundedString(MAX_POINT_LABEL_CHARS) }),
    MAX_PLANE_POINTS,
    'points',
  ),
  functions: boundedList(
    T.object({ id: itemId, text: boundedString(MAX_EXPRESSION_CHARS), color: T.literalEnum(...PLOT_COLORS) }),
    MAX_PLANE_FUNCTIONS,
    'functions',
  ),
};

export const coordinatePlaneMigrationIds = createShapePropsMigrationIds(COORDINATE_PLANE_TYPE, {});
export const coordinatePlaneMigrations = createShapePropsMigrationSequence({ sequence: [] });

export const COORDINATE_PLANE_DEFAULT_PROPS: CoordinatePlaneProps = {
  w: 360,
  h: 360,
  window: { xMin: -10, xMax: 10, yMin: -10, yMax: 10, xStep: 1, yStep: 1 },
  points: [],
  // one empty line ready to type in: an empty text draws nothing and shows no error
  functions: [{ id: 'f1', text: '', color: 'blue' }],
};
