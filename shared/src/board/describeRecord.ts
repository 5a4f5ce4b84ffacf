import { COORDINATE_PLANE_TYPE, type CoordinatePlaneProps } from './coordinatePlane.js';
import { EQUATION_TYPE, type EquationProps } from './equation.js';
import { FRACTION_BAR_TYPE, type FractionBarProps } from './fractionBar.js';
import { NUMBER_LINE_TYPE, type NumberLineProps } from './numberLine.js';
import { recordText } from './plainText.js';
import {
  describeCoordinatePlane,
  describeEquation,
  describeFractionBar,
  describeNumberLine,
  describeTable,
} from './shapeDescriptions.js';
import { TABLE_TYPE, type TableProps } from './table.js';

/** tldraw's own shapes without text, in words. */
const STOCK_SHAPES: Record<string, string> = {
  draw: 'A drawing',
  highlight: 'A highlight',
  line: 'A line',
  arrow: 'An arrow',
  image: 'An image',
  frame: 'A frame',
  geo: 'A shape',
  note: 'An empty sticky note',
  text: 'An empty text',
};

/**
 * A board record in words, for a list of someone's contributions: the text they wrote, our math shapes as
 * they are read to a screen reader, tldraw's own shapes by kind. Null for what is not a shape. Records
 * reaching here passed the board's schema; a malformed one still gets a generic name rather than a throw.
 */
export function describeRecord(record: unknown): string | null {
  if (record === null || typeof record !== 'object') return null;
  const r = record as { typeName?: unknown; type?: unknown; props?: unknown };
  if (r.typeName !== 'shape' || typeof r.type !== 'string') return null;
  const text = recordText(record);
  if (text) return text;
  try {
    switch (r.type) {
      case EQUATION_TYPE:
        return describeEquation(r.props as EquationProps);
      case TABLE_TYPE:
        return describeTable(r.props as TableProps);
      case FRACTION_BAR_TYPE:
        return describeFractionBar(r.props as FractionBarProps);
      case NUMBER_LINE_TYPE:
        return describeNumberLine(r.props as NumberLineProps);
      case COORDINATE_PLANE_TYPE:
        return describeCoordinatePlane(r.props as CoordinatePlaneProps);
    }
  } catch {
    // fall through to the generic name
  }
  return STOCK_SHAPES[r.type] ?? 'A shape';
}
