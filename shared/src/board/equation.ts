import { createShapePropsMigrationIds, createShapePropsMigrationSequence } from '@tldraw/tlschema';
import type { RecordProps, TLBaseShape } from '@tldraw/tlschema';
import { boundedNumber, boundedString, shapeSide } from './boundedProps.js';

/**
 * An equation: LaTeX source, drawn with KaTeX on the client. The box grows with its content (the editing
 * client measures the rendered equation and stores the size), and resizing it scales the font.
 */
export const EQUATION_TYPE = 'equation';

/** Longer sources are not equations a student writes on a board; the cap keeps records small. */
export const MAX_EQUATION_LATEX_CHARS = 2_000;
export const MIN_EQUATION_FONT_PX = 8;
export const MAX_EQUATION_FONT_PX = 400;
export const DEFAULT_EQUATION_FONT_PX = 32;

export interface EquationProps {
  w: number;
  h: number;
  latex: string;
  fontSize: number;
}

declare module '@tldraw/tlschema' {
  interface TLGlobalShapePropsMap {
    [EQUATION_TYPE]: EquationProps;
  }
}

export type EquationShape = TLBaseShape<typeof EQUATION_TYPE, EquationProps>;

export const equationProps: RecordProps<EquationShape> = {
  w: shapeSide,
  h: shapeSide,
  latex: boundedString(MAX_EQUATION_LATEX_CHARS),
  fontSize: boundedNumber(MIN_EQUATION_FONT_PX, MAX_EQUATION_FONT_PX),
};

export const equationMigrationIds = createShapePropsMigrationIds(EQUATION_TYPE, {});
export const equationMigrations = createShapePropsMigrationSequence({ sequence: [] });

export const EQUATION_DEFAULT_PROPS: EquationProps = {
  w: 160,
  h: 64,
  latex: '\\frac{a}{b}',
  fontSize: DEFAULT_EQUATION_FONT_PX,
};
