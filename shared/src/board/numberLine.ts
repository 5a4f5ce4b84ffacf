import { T } from '@tldraw/validate';
import { createShapePropsMigrationIds, createShapePropsMigrationSequence } from '@tldraw/tlschema';
import type { RecordProps, TLBaseShape } from '@tldraw/tlschema';
import { boundedInteger, boundedNumber, boundedString, shapeSide } from './boundedProps.js';
import {
  MAX_NUMBER_LINE_TICKS,
  TICK_LABEL_STYLES,
  tickCount,
  type TickSpacing,
} from '../domain/math/ticks.js';
import { uniqueIds, type Identified } from '../domain/math/labelledItems.js';

/**
 * A number line: a range with ticks every n/d (whole numbers, fractions or decimals) and labelled points a
 * student drags along it. The range and the spacing are one prop so the validator can check them together
 * (tldraw validates each prop on its own): min < max, and never more than MAX_NUMBER_LINE_TICKS ticks, so no
 * record can make every browser on the board draw a billion ticks.
 */
export const NUMBER_LINE_TYPE = 'number-line';

/** The largest |value| of an end or a point: a school number line, far from float trouble. */
export const MAX_NUMBER_LINE_VALUE = 1_000_000;
export const MAX_TICK_NUMERATOR = 1_000;
export const MAX_TICK_DENOMINATOR = 100;
export const MAX_NUMBER_LINE_POINTS = 20;
export const MAX_POINT_LABEL_CHARS = 40;
export const MAX_ITEM_ID_CHARS = 16;

export type NumberLineAxis = TickSpacing;

export interface NumberLinePoint extends Identified {
  value: number;
  label: string;
}

export interface NumberLineProps {
  w: number;
  h: number;
  axis: NumberLineAxis;
  points: NumberLinePoint[];
  /** Dragged points land on the nearest tick. */
  snapToTicks: boolean;
}

declare module '@tldraw/tlschema' {
  interface TLGlobalShapePropsMap {
    [NUMBER_LINE_TYPE]: NumberLineProps;
  }
}

export type NumberLineShape = TLBaseShape<typeof NUMBER_LINE_TYPE, NumberLineProps>;

const value = boundedNumber(-MAX_NUMBER_LINE_VALUE, MAX_NUMBER_LINE_VALUE);

/** Why an axis is not drawable, or null when it is (the editing form shows the same words). */
export function numberLineAxisProblem(axis: NumberLineAxis): string | null {
  if (!(axis.min < axis.max)) return 'the start must be less than the end';
  const count = tickCount(axis);
  if (!(count <= MAX_NUMBER_LINE_TICKS)) {
    return `that makes ${Number.isFinite(count) ? count : 'too many'} ticks; at most ${MAX_NUMBER_LINE_TICKS}`;
  }
  return null;
}

export const numberLineAxisValidator = T.object({
  min: value,
  max: value,
  tickNumerator: boundedInteger(1, MAX_TICK_NUMERATOR),
  tickDenominator: boundedInteger(1, MAX_TICK_DENOMINATOR),
  tickLabels: T.literalEnum(...TICK_LABEL_STYLES),
}).check('drawable', (axis) => {
  const problem = numberLineAxisProblem(axis);
  if (problem) throw new T.ValidationError(problem);
});

const itemId = boundedString(MAX_ITEM_ID_CHARS);

export const numberLinePointValidator = T.object({
  id: itemId,
  value,
  label: boundedString(MAX_POINT_LABEL_CHARS),
});

export const numberLineProps: RecordProps<NumberLineShape> = {
  w: shapeSide,
  h: shapeSide,
  axis: numberLineAxisValidator,
  points: T.arrayOf(numberLinePointValidator).check('bounded', (points) => {
    if (points.length > MAX_NUMBER_LINE_POINTS) {
      throw new T.ValidationError(`Expected at most ${MAX_NUMBER_LINE_POINTS} points, got ${points.length}`);
    }
    uniqueIds(points);
  }),
  snapToTicks: T.boolean,
};

export const numberLineMigrationIds = createShapePropsMigrationIds(NUMBER_LINE_TYPE, {});
export const numberLineMigrations = createShapePropsMigrationSequence({ sequence: [] });

export const NUMBER_LINE_DEFAULT_PROPS: NumberLineProps = {
  w: 480,
  h: 96,
  axis: { min: 0, max: 2, tickNumerator: 1, tickDenominator: 4, tickLabels: 'fraction' },
  points: [{ id: 'p1', value: 0.5, label: 'A' }],
  snapToTicks: true,
};
